package de.kundenpuls.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.app.support.Answers;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import de.kundenpuls.app.sync.Outbox;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A kiosk loses the network, keeps taking answers, is killed, and syncs every answer exactly once. */
class OfflineSyncTest {

    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    private RealServer server;
    private AppDriver driver;

    private AppConfig config() {
        return new AppConfig(server.url(), bench.deviceDir(), Duration.ofSeconds(30), Duration.ofMillis(1200), Duration.ofMillis(200),
                Duration.ofMinutes(5));
    }

    @Test
    void answersTakenOfflineReachTheServerExactlyOnceAfterAKillAndALostReply() {
        server = bench.server(Map.of("feedback.min-interval-ms", "1000"));
        String code = server.enrollKiosk("hamburg-altona", "entrance");
        AppSettings.in(bench.deviceDir()).lockKiosk(KundenpulsClient.create(server.url()).kiosks().exchange(code));
        driver = bench.app(config(), owner -> Optional.empty(), "offline");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood") && driver.text("#kiosk-where").contains("Hamburg"),
                Duration.ofSeconds(10), "kiosk ready");

        server.stop();
        for (int score : List.of(1, 3, 5)) {
            AppDriver.waitUntil(() -> !driver.robot().lookup("#kiosk-q-mood").query().isDisabled(), Duration.ofSeconds(5),
                    "interval over");
            driver.tap("#kiosk-smiley-" + score);
            driver.tap("#kiosk-option-staff");
            driver.tap("#kiosk-next");
            AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood"), Duration.ofSeconds(5), "next guest");
        }
        AppDriver.waitUntil(() -> driver.text("#kiosk-pending").equals("⇅ 3 warten auf Netz") && driver.shows("#kiosk-pending"),
                Duration.ofSeconds(5), "pending indicator");
        driver.screenshot("01-pending");
        assertThat(driver.app().context().sync().failures()).as("it kept retrying").isPositive();

        // The app is killed while offline; the answers are on the device.
        bench.closeApp();
        driver = null;
        Outbox outbox = new Outbox(bench.deviceDir());
        List<FeedbackItem> waiting = outbox.oldest(10);
        assertThat(waiting).hasSize(3).extracting(FeedbackItem::rating).containsExactly(1, 3, 5);
        assertThat(waiting).allSatisfy(i -> assertThat(i.dimensions()).containsOnlyKeys("staff"));

        // The network is back. One answer reached the server before the kill, but its reply never
        // arrived, so it is still in the outbox: the resend must not store it twice.
        server.start();
        BatchResult first = server.as("staff", "hamburg-altona").feedback().send(List.of(waiting.get(0)));
        assertThat(first.results().get(0).status()).isEqualTo(BatchResult.Status.ACCEPTED);
        assertThat(Answers.count(server, "hamburg-altona", "entrance")).isEqualTo(1);

        driver = bench.app(config(), owner -> Optional.empty(), "offline");
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(15), "outbox synced");
        AppDriver.waitUntil(() -> !driver.shows("#kiosk-pending"), Duration.ofSeconds(5), "indicator gone");
        driver.screenshot("02-synced");
        assertThat(Answers.count(server, "hamburg-altona", "entrance")).isEqualTo(3);
        assertThat(driver.app().context().outbox().rejectedCount()).isZero();
    }
}
