package de.kundenpuls.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.privacy.PersonalDataExport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data directories written by earlier stored layouts still open and keep everything: each fixture
 * under {@code src/test/resources/layouts/} (written by {@link LayoutFixture} when its layout was
 * current) is opened by today's code, its answers, scores, comments, customer, case and (from
 * 2026-12-02 on) offer grant, campaign and audit entry are there, and it takes new answers. Add a fixture before each change of a stored type.
 */
class LayoutCompatibilityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01", "2026-12-02", "2026-12-02b", "2026-12-02c", "2026-12-02d", "2026-12-02e", "2026-12-02f", "2026-12-03", "2026-12-04"})
    void aDataDirectoryOfAnEarlierLayoutOpensWithEverythingInIt(String layout) throws IOException {
        Path source = Path.of("src/test/resources/layouts", layout);
        copy(source, dir);
        Properties fixture = new Properties();
        try (InputStream in = Files.newInputStream(source.resolve("fixture.properties"))) {
            fixture.load(in);
        }
        String uid = fixture.getProperty("uid");
        try (TestServer server = TestServer.start(dir, Map.of("feedback.max-age-days", "36500"))) {
            KundenpulsClient marketer = server.as("marketer");
            String day = "&from=" + LayoutFixture.DAY + "&to=" + LayoutFixture.DAY;
            ScoreReport berlin = marketer.get("/api/analytics/scores?storeId=berlin-mitte" + day, ScoreReport.class);
            assertThat(berlin.count()).isEqualTo(LayoutFixture.ANSWERS);
            assertThat(berlin.comments()).extracting(ScoreReport.Comment::text).contains("Kommentar 27", "Kommentar 0");
            assertThat(marketer.get("/api/analytics/scores?granularity=quarter" + day, ScoreReport.class).count())
                    .isEqualTo(LayoutFixture.ANSWERS + 1);
            PersonalDataExport export = server.as("admin").admin().export(uid);
            assertThat(export.profile().contact().email()).isEqualTo(LayoutFixture.EMAIL);
            // The e-mail index did not exist before 2026-12-05: it is filled in the background.
            assertThat(org.awaitility.Awaitility.await("the e-mail index backfilled").atMost(java.time.Duration.ofSeconds(30))
                    .ignoreExceptionsMatching(e -> e instanceof de.kundenpuls.model.client.ApiException a && a.status() == 503)
                    .until(() -> server.as("admin").admin().findByEmail(LayoutFixture.EMAIL.toUpperCase(java.util.Locale.ROOT)),
                            java.util.Objects::nonNull).uid()).isEqualTo(uid);
            assertThat(export.feedback().answers()).extracting(PersonalDataExport.Answer::comment).contains("Kommentar 3");
            assertThat(server.staff("berlin-mitte").cases().list("all")).extracting(c -> c.comment()).contains("Kommentar 0");
            if (fixture.getProperty("recoveryGrants") != null) {
                int grants = Integer.parseInt(fixture.getProperty("recoveryGrants"));
                assertThat(marketer.recovery().stats().get("berlin-mitte").offered()).as("recovery grants counted after the move")
                        .isEqualTo(grants);
                assertThat(export.offers()).as("the customer's grants found by customer").hasSize(grants);
            }
            if (fixture.getProperty("campaign") != null) {
                CampaignView campaign = marketer.get("/api/campaigns/" + fixture.getProperty("campaign"), CampaignView.class);
                assertThat(campaign.state()).isEqualTo("done");
                assertThat(campaign.stats().targeted()).isEqualTo(1);
                assertThat(campaign.stats().sent()).isEqualTo(1);
                assertThat(server.as("admin").admin().audit(100)).as("the admin export of the fixture is audited")
                        .anySatisfy(e -> assertThat(e.subject()).isEqualTo(uid));
            }
            if (fixture.getProperty("kiosk") != null) {
                assertThat(server.as("admin").kiosks().list("berlin-mitte"))
                        .anySatisfy(k -> assertThat(k.id()).isEqualTo(fixture.getProperty("kiosk")))
                        .allSatisfy(k -> assertThat(k.state()).isEqualTo("enrolled"));
            }

            BatchResult more = server.as("shopper").feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte",
                    "checkout", Instant.now().minusSeconds(60), 4, null, null, Map.of(), null, null, null, null, null, null)));
            assertThat(more.results().get(0).status()).isEqualTo(BatchResult.Status.ACCEPTED);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
