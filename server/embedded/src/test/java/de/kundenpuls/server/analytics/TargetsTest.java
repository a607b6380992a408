package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;

import de.kundenpuls.model.analytics.ScoreTarget;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-store CSAT and NPS targets over HTTP: set by marketers, read by the store's staff, kept over a restart. */
class TargetsTest {

    @TempDir
    Path dir;

    @Test
    void aMarketerSetsAStoresTargetsWhichItsStaffSeeAndARestartKeeps() {
        try (TestServer server = TestServer.start(dir)) {
            KundenpulsClient marketer = server.as("marketer");
            assertThat(marketer.analytics().targets()).isEmpty();
            assertThat(marketer.analytics().setTarget("berlin-mitte", new ScoreTarget(80.0, 30.0))).isEqualTo(new ScoreTarget(80.0, 30.0));
            marketer.analytics().setTarget("hamburg-altona", new ScoreTarget(null, 40.0));
            assertThat(marketer.analytics().targets()).containsExactly(Map.entry("berlin-mitte", new ScoreTarget(80.0, 30.0)),
                    Map.entry("hamburg-altona", new ScoreTarget(null, 40.0)));
            assertThat(server.staff("berlin-mitte").analytics().targets()).as("staff see their own store's")
                    .containsOnlyKeys("berlin-mitte");

            // A target out of range names its field, and nothing is stored.
            ApiException tooHigh = catchThrowableOfType(ApiException.class,
                    () -> marketer.send("PUT", "/api/analytics/targets/berlin-mitte", Map.of("csat", 150, "nps", 30),
                            ScoreTarget.class));
            assertThat(tooHigh).isNotNull();
            assertThat(tooHigh.status()).isEqualTo(400);
            assertThat(tooHigh.problem().field()).isEqualTo("csat");
            assertThat(marketer.analytics().targets().get("berlin-mitte")).isEqualTo(new ScoreTarget(80.0, 30.0));
            ApiException unknown = catchThrowableOfType(ApiException.class,
                    () -> marketer.analytics().setTarget("atlantis", new ScoreTarget(80.0, null)));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.problem().field()).isEqualTo("storeId");
            ApiException staff = catchThrowableOfType(ApiException.class,
                    () -> server.staff("berlin-mitte").analytics().setTarget("berlin-mitte", new ScoreTarget(10.0, null)));
            assertThat(staff.status()).isEqualTo(403);

            server.restart();
            KundenpulsClient again = server.as("marketer");
            assertThat(again.analytics().targets()).containsEntry("berlin-mitte", new ScoreTarget(80.0, 30.0));
            // A target without either score removes it.
            again.analytics().setTarget("hamburg-altona", new ScoreTarget(null, null));
            assertThat(again.analytics().targets()).containsOnlyKeys("berlin-mitte");
        }
    }
}
