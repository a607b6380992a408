package de.kundenpuls.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import de.kundenpuls.model.Message;
import de.kundenpuls.model.MessageKey;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.server.privacy.AuditNote;
import org.junit.jupiter.api.Test;

/** Every code has its text in both languages, no text lacks a code, and the README lists exactly the codes. */
class ProblemTextsTest {

    /** The statuses the problem handlers answer with a title of their own. */
    private static final Set<String> TITLES = Set.of("400", "401", "403", "404", "405", "408", "409", "413", "415", "429",
            "500", "503");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyCodeAndNoteHasAnEnglishAndAGermanTextWithTheSameArguments() throws IOException {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");
        for (MessageKey key : keys()) {
            assertThat(english.getProperty(key.key())).as("English text of %s", key.key()).isNotBlank();
            assertThat(german.getProperty(key.key())).as("German text of %s", key.key()).isNotBlank();
            assertThat(placeholders(german.getProperty(key.key())))
                    .as("arguments of %s in German and English", key.key())
                    .isEqualTo(placeholders(english.getProperty(key.key())));
            // Each pattern must be valid MessageFormat (an apostrophe written twice).
            new MessageFormat(english.getProperty(key.key()), Locale.ROOT);
            new MessageFormat(german.getProperty(key.key()), Locale.GERMAN);
        }
    }

    @Test
    void everyTextBelongsToACodeANoteOrAStatus() throws IOException {
        Set<String> known = keys().stream().map(MessageKey::key).collect(Collectors.toSet());
        TITLES.forEach(status -> known.add("title." + status));
        for (String file : new String[] {"messages.properties", "messages_de.properties"}) {
            assertThat(bundle(file).stringPropertyNames()).as(file).isSubsetOf(known).containsAll(known);
        }
    }

    @Test
    void germanReadersGetGermanAndEveryoneElseEnglishWithTheValuesInPlace() {
        Message nested = Message.of(ProblemCode.GTIN_CHECK_DIGIT, 1);
        assertThat(Message.of(ProblemCode.OUT_OF_RANGE, 1, 10000).text(Locale.GERMAN)).isEqualTo("muss zwischen 1 und 10000 liegen");
        assertThat(Message.of(ProblemCode.OUT_OF_RANGE, 1, 10000).text(Locale.ENGLISH)).isEqualTo("must be between 1 and 10000");
        assertThat(Message.of(ProblemCode.UNKNOWN_STORE, "paris").text(Locale.FRENCH)).isEqualTo("Unknown store 'paris'");
        assertThat(Message.of(ProblemCode.UNKNOWN_STORE, "paris").text(Locale.GERMAN)).isEqualTo("Unbekannter Markt 'paris'");
        assertThat(nested.text(Locale.GERMAN)).isEqualTo("hat eine falsche Prüfziffer (richtig wäre 1)");
        assertThat(AuditNote.worded(AuditNote.IMPORTED.stored(12, 3), Locale.GERMAN)).isEqualTo("importiert: 12, abgelehnte Zeilen: 3");
        assertThat(AuditNote.worded("written before the notes", Locale.GERMAN)).isEqualTo("written before the notes");
    }

    @Test
    void theReadmeListsEveryProblemTypeAndNoOther() throws IOException {
        Path readme = Path.of("..", "README.md");
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(Files.readString(readme));
        Set<String> listed = new TreeSet<>();
        while (row.find()) {
            listed.add(row.group(1));
        }
        Set<String> codes = Arrays.stream(ProblemCode.values()).map(ProblemCode::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(codes);
    }

    private static Set<MessageKey> keys() {
        return Stream.concat(Arrays.stream(ProblemCode.values()), Arrays.stream(AuditNote.values()))
                .collect(Collectors.toSet());
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The file itself, not a ResourceBundle: a German key missing must not be hidden by the English fallback. */
    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemCode.class.getResourceAsStream("/de/kundenpuls/model/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
