package de.kundenpuls.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.app.support.Answers;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import de.kundenpuls.app.sync.Outbox;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing in the outbox can block a kiosk, against a real server: a server that takes only two
 * answers per batch refuses the app's batches as a whole until the app splits them, and an answer
 * file this app cannot read (an older app wrote it without an id) is set aside with the reason and
 * shown in the staff area, instead of blocking the queue.
 */
class PoisonOutboxTest {

    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    @Test
    void aBatchRefusedAsAWholeIsSplitAndAnAnswerWithoutIdIsSetAsideNotResent() throws Exception {
        RealServer server = bench.server(Map.of("feedback.min-interval-ms", "0", "feedback.max-batch-size", "2"));
        String code = server.enrollKiosk("berlin-mitte", "checkout");
        AppSettings.in(bench.deviceDir()).lockKiosk(KundenpulsClient.create(server.url()).kiosks().exchange(code));
        Outbox outbox = new Outbox(bench.deviceDir());
        Instant start = Instant.now().minusSeconds(600);
        for (int i = 0; i < 5; i++) {
            outbox.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", start.plusSeconds(i), 4, null, null,
                    Map.of(), null, null, null, null, null, "kiosk"));
        }
        Files.writeString(bench.deviceDir().resolve("outbox").resolve("from-an-older-app.json"), """
                {"storeId":"berlin-mitte","touchpoint":"checkout","createdAt":"%s","rating":2}""".formatted(start.minusSeconds(1)),
                StandardCharsets.UTF_8);
        assertThat(outbox.size()).isEqualTo(6);

        AppDriver driver = bench.app(new AppConfig(server.url(), bench.deviceDir(), Duration.ofSeconds(30), Duration.ofMillis(1200),
                Duration.ofMillis(200), Duration.ofMinutes(5)), owner -> Optional.empty(), "poison");
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(30), "outbox drained");
        assertThat(Answers.count(server, "berlin-mitte", "checkout")).isEqualTo(5);
        assertThat(outbox.setAside()).singleElement().satisfies(a -> {
            assertThat(a.item()).as("this app cannot read it back either").isNull();
            assertThat(a.reason()).isEqualTo("Datei nicht lesbar (id: is required)");
        });

        // The staff area lists it with its reason.
        driver.tap("#kiosk-lock");
        driver.type("#staff-email", "berlin-mitte@demo.kundenpuls.de");
        driver.type("#staff-password", "kundenpuls-demo");
        driver.tap("#staff-signin-button");
        AppDriver.waitUntil(() -> driver.shows("#staff-set-aside"), Duration.ofSeconds(10), "set-aside answers shown");
        assertThat(driver.text("#staff-set-aside-title")).startsWith("Nicht zustellbare Bewertungen (1)");
        assertThat(driver.robot().lookup(".set-aside-item").queryAllAs(javafx.scene.control.Label.class))
                .singleElement().satisfies(l -> assertThat(l.getText()).isEqualTo("? · Datei nicht lesbar (id: is required)"));
        driver.screenshot("poison-staff-set-aside");
    }
}
