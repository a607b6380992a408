package de.kundenpuls.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;

/**
 * Writes a small data directory in the current stored layout, for {@link LayoutCompatibilityTest}:
 * the demo catalog, one customer with contact data and consents, {@value #ANSWERS} answers on
 * {@value #DAY} (some with comments, one that opens a follow-up case), and an anonymous
 * answer. Run it once when the layout is final, with the target directory as argument, and
 * commit the result under {@code src/test/resources/layouts/}; never regenerate an existing one.
 */
public final class LayoutFixture {

    /** The day the fixture's answers were given (UTC noon). */
    static final String DAY = "2026-11-30";
    /** The customer's answers. */
    static final int ANSWERS = 30;
    /** The customer's e-mail address. */
    static final String EMAIL = "layout-fixture@example.org";

    private LayoutFixture() {
    }

    /**
     * Writes the fixture.
     *
     * @param args the target directory (must not exist)
     * @throws IOException on failure
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Path dir = Files.createTempDirectory("kundenpuls-layout");
        String uid;
        try (TestServer server = TestServer.start(dir, Map.of("catalog.seed-demo", "true", "feedback.max-age-days", "36500",
                "feedback.min-interval-ms", "0"))) {
            var identity = server.identity("shopper", null);
            uid = identity.uid();
            KundenpulsClient shopper = server.client().withToken(identity.token());
            shopper.me().patch(Map.of("contact", Map.of("name", "Lena Layout", "email", EMAIL)));
            shopper.me().consents(Map.of("contact", true, "personalization", true));
            Instant noon = Instant.parse(DAY + "T12:00:00Z");
            List<FeedbackItem> items = new ArrayList<>();
            for (int i = 0; i < ANSWERS; i++) {
                items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", i % 2 == 0 ? "checkout" : "entrance",
                        noon.plusSeconds(60L * i), i == 0 ? 1 : 1 + i % 5, i % 11, 1 + i % 7, Map.of("staff", 1 + i % 5),
                        i % 3 == 0 ? "Kommentar " + i : null, null, null, null, null, null));
            }
            shopper.feedback().send(items);
            server.client().feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "wien-neubau", "entrance",
                    noon, 5, null, null, Map.of(), null, null, null, null, null, null)));
        }
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().equals("used.lock")) {
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(target.resolve("fixture.properties"), "uid=" + uid + "\n");
        System.out.println("Wrote the layout fixture to " + target + " (customer " + uid + ")");
    }
}
