package de.kundenpuls.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.MovableClock;
import de.kundenpuls.server.TestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign sent during its quiet hours waits for them to end in each customer's home store,
 * across a restart, with the real Firebase Admin SDK sending to the FCM stand-in. The quiet hours
 * are the hour either side of now in Berlin; the server's clock is moved past their end. (Dev
 * tokens are issued on the server's clock and checked on the real one: every client signs in
 * before the clock moves.)
 */
class QuietHoursTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.now());
    private GoogleStandIn fcm;
    private TestServer server;

    @BeforeEach
    void start() {
        fcm = GoogleStandIn.start(0, Map::of);
        server = TestServer.start(dir, Map.of("push.fcm-endpoint", fcm.url()), clock);
    }

    @AfterEach
    void stop() {
        server.close();
        fcm.close();
    }

    @Test
    void messagesInQuietHoursGoOutWhenTheyEndNotBefore() {
        List<KundenpulsClient> shoppers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            KundenpulsClient s = server.as("shopper");
            s.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel"), "homeStoreId", "berlin-mitte"));
            s.me().consents(Map.of("marketing_push", true));
            s.me().registerDevice("night-" + i, "android", "de");
            shoppers.add(s);
        }
        KundenpulsClient marketer = server.as("marketer");
        LocalTime local = LocalTime.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
        CampaignView c = marketer.sendBytes("POST", "/api/campaigns", """
                {"name":"Frühstück","audience":{"homeStoreIds":["berlin-mitte"]},"quietHours":{"start":"%s","end":"%s"},
                 "variants":[{"locale":"de","title":"Guten Morgen {firstName}","body":"Frische Brötchen in {store}"}]}"""
                .formatted(local.minusHours(1), local.plusHours(1))
                .getBytes(StandardCharsets.UTF_8), "application/json", CampaignView.class);
        assertThat(marketer.campaigns().review(c.id()).inQuietHoursNow()).isEqualTo(3);

        marketer.send("POST", "/api/campaigns/" + c.id() + "/send", null, CampaignView.class);
        CampaignView waiting = Awaitility.await("waiting").atMost(Duration.ofSeconds(20))
                .until(() -> marketer.campaigns().get(c.id()), v -> v.stats().waiting() == 3);
        assertThat(waiting.state()).isEqualTo("sending");
        assertThat(waiting.stats().suppressed()).isZero();

        // One customer withdraws the push consent meanwhile; after a restart, half an hour on, it is still quiet.
        shoppers.get(2).me().consents(Map.of("marketing_push", false));
        server.restart();
        KundenpulsClient again = server.as("marketer");
        clock.advance(Duration.ofMinutes(30));
        Awaitility.await("still waiting after the restart").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> again.campaigns().get(c.id()), v -> v.stats().waiting() == 3);
        assertThat(fcm.deliveredTo("night-0")).isEmpty();

        // Past the end: the two who still agree get it; the third is held back at the last check.
        clock.advance(Duration.ofMinutes(32));
        CampaignView done = Awaitility.await("sent in the morning").atMost(Duration.ofSeconds(20))
                .until(() -> again.campaigns().get(c.id()), v -> v.state().equals("done"));
        assertThat(done.stats().sent()).isEqualTo(2);
        assertThat(done.stats().suppressed()).isEqualTo(1);
        assertThat(done.stats().waiting()).isZero();
        assertThat(done.stats().pending()).isZero();
        assertThat(fcm.deliveredTo("night-0")).singleElement()
                .satisfies(m -> assertThat(m.title()).isEqualTo("Guten Morgen Kim"));
        assertThat(fcm.deliveredTo("night-1")).hasSize(1);
        assertThat(fcm.deliveredTo("night-2")).isEmpty();
    }
}
