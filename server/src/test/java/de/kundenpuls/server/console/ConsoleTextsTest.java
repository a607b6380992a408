package de.kundenpuls.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.server.api.Json;
import org.junit.jupiter.api.Test;

/**
 * The console's dictionaries (i18n/de.json, i18n/en.json) against its code: both languages have
 * the same keys, every key the code or the page asks for exists, and no key is left unused. A key
 * built at run time ({@code t('kiosks.state.' + k.state)}) counts its prefix as used, a key named in
 * a table of the code counts as used.
 */
class ConsoleTextsTest {

    private static final Path CONSOLE = Path.of("src/main/resources/console");
    private static final Pattern STATIC_KEY = Pattern.compile("\\bt\\('([\\w.-]+)'[),]");
    /** A key named in a table before it is looked up (e.g. Firebase's error codes to texts). */
    private static final Pattern QUOTED = Pattern.compile("'([\\w.-]+)'");
    private static final Pattern DYNAMIC_PREFIX = Pattern.compile("\\bt\\('([\\w.-]+\\.)'\\s*\\+");
    private static final Pattern PAGE_KEY = Pattern.compile("data-i18n=\"([\\w.-]+)\"");

    @Test
    void bothLanguagesHaveEveryKeyTheConsoleUsesAndNoOther() throws IOException {
        Set<String> de = keys("de");
        Set<String> en = keys("en");
        assertThat(en).as("English has the German keys").isEqualTo(de);

        Set<String> used = new TreeSet<>();
        Set<String> quoted = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file);
                collect(STATIC_KEY, text, used);
                collect(PAGE_KEY, text, used);
                collect(DYNAMIC_PREFIX, text, prefixes);
                collect(QUOTED, text, quoted);
            }
        }
        assertThat(used).as("keys the code asks for").isNotEmpty();
        assertThat(de).as("every key the code asks for has a text").containsAll(used);
        assertThat(prefixes).as("keys built at run time").isNotEmpty();
        Set<String> unused = new TreeSet<>(de);
        unused.removeAll(used);
        unused.removeAll(quoted);
        unused.removeIf(key -> prefixes.stream().anyMatch(key::startsWith));
        assertThat(unused).as("texts no code uses").isEmpty();
    }

    private static Set<String> keys(String language) throws IOException {
        Map<String, String> texts = Json.mapper().readValue(CONSOLE.resolve("i18n/" + language + ".json").toFile(),
                new TypeReference<Map<String, String>>() { });
        assertThat(texts.values()).as(language + " texts").allSatisfy(v -> assertThat(v).isNotBlank());
        return new TreeSet<>(texts.keySet());
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
