package de.kundenpuls.app.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The GluonFX {@code reflectionList} must name every model type Jackson binds in the app, or a
 * native build fails at run time when it reads one (as it would have with {@code Interaction},
 * which {@code Profile.history} holds). The types bound are the model records and enums the app's
 * sources use, and every model type their components hold, transitively.
 */
class ReflectionListTest {

    private static final Pattern LISTED = Pattern.compile("<list>([^<]+)</list>");
    private static final Pattern IMPORT = Pattern.compile("import (de\\.kundenpuls\\.model\\.[A-Za-z0-9_.]+);");

    @Test
    void everyModelTypeTheAppBindsIsInTheReflectionList() throws Exception {
        Set<String> listed = new TreeSet<>();
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = LISTED.matcher(pom.substring(pom.indexOf("<reflectionList>"), pom.indexOf("</reflectionList>")));
        while (m.find()) {
            listed.add(m.group(1).strip());
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (String name : listed) {
            todo.add(Class.forName(name));
        }
        for (String name : importsOfTheApp()) {
            Class<?> type = Class.forName(name);
            if (type.isRecord() || type.isEnum()) {
                todo.add(type);
            }
        }
        Set<String> bound = new TreeSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!bound.add(type.getName()) || !type.isRecord()) {
                continue;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                modelTypes(c.getGenericType(), todo);
            }
        }
        assertThat(listed).as("model types the app binds but the reflectionList lacks").containsAll(bound);
    }

    private static void modelTypes(Type t, Deque<Class<?>> into) {
        if (t instanceof ParameterizedType p) {
            modelTypes(p.getRawType(), into);
            for (Type arg : p.getActualTypeArguments()) {
                modelTypes(arg, into);
            }
        } else if (t instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            if (element.getName().startsWith("de.kundenpuls.model.") && (element.isRecord() || element.isEnum())) {
                into.add(element);
            }
        }
    }

    private static Set<String> importsOfTheApp() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
