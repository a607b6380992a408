package de.kundenpuls.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The living demo on an empty directory, read back through the API as a CX manager would: 90
 * days in four stores, the three planted stories, surveys, offers, kiosks, cases and a finished
 * A/B campaign; written once, and the same from the same seed.
 */
class DemoHistoryTest {

    private static final Map<String, String> DEMO = Map.of("catalog.seed-demo", "true", "demo.history", "true");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    @TempDir
    Path second;

    @Test
    void anEmptyDirectoryGetsNinetyDaysWithThePlantedStories() {
        try (TestServer server = TestServer.start(dir, DEMO)) {
            DemoHistory.Summary summary = server.demo().orElseThrow();
            assertThat(summary.refused()).as("every generated answer passes the capture's rules").isZero();
            KundenpulsClient marketer = server.as("marketer");
            LocalDate today = LocalDate.now(BERLIN);
            ScoreReport all = marketer.analytics().scores(range(today.minusDays(90), today.minusDays(1)) + "&granularity=month");
            assertThat(all.count()).isEqualTo(summary.answers()).isGreaterThan(10_000);
            assertThat(marketer.analytics().scores(range(today.minusDays(400), today.minusDays(91)) + "&granularity=quarter")
                    .count()).as("nothing before the 90 days").isZero();
            assertThat(all.nps()).isNotNull();
            assertThat(all.ces()).isNotNull();

            // Berlin's checkout: fine until three weeks ago, then worse week by week.
            String berlinCheckout = "&storeId=berlin-mitte&touchpoint=checkout";
            double before = marketer.analytics().scores(range(today.minusDays(90), today.minusDays(22)) + berlinCheckout).csat();
            ScoreReport lastWeeks = marketer.analytics().scores(range(today.minusDays(21), today.minusDays(1)) + berlinCheckout);
            assertThat(lastWeeks.csat()).as("the last three weeks against the weeks before").isLessThan(before - 20);
            assertThat(lastWeeks.detractorComments()).extracting(ScoreReport.Comment::text)
                    .anyMatch(t -> t.contains("Kasse") || t.contains("checkout") || t.contains("Warte"));
            ScoreReport firstWeek = marketer.analytics().scores(range(today.minusDays(21), today.minusDays(15)) + berlinCheckout);
            ScoreReport lastWeek = marketer.analytics().scores(range(today.minusDays(7), today.minusDays(1)) + berlinCheckout);
            assertThat(lastWeek.csat()).as("the queue grows").isLessThan(firstWeek.csat());
            assertThat(lastWeek.ces()).as("and takes more effort").isGreaterThan(firstWeek.ces());

            // Hamburg's fitting-room staff are praised, more than anywhere else.
            String days = range(today.minusDays(90), today.minusDays(1));
            double hamburgStaff = marketer.analytics().scores(days + "&storeId=hamburg-altona&touchpoint=fitting-room")
                    .dimensions().get("staff");
            assertThat(hamburgStaff).isGreaterThan(4.8);
            for (String store : List.of("berlin-mitte", "muenchen-schwabing")) {
                assertThat(marketer.analytics().scores(days + "&storeId=" + store + "&touchpoint=fitting-room").dimensions().get("staff"))
                        .as(store).isLessThan(hamburgStaff - 0.5);
            }
            // Munich's customers find nowhere to park.
            assertThat(marketer.analytics().scores(days + "&storeId=muenchen-schwabing&touchpoint=entrance").detractorComments())
                    .extracting(ScoreReport.Comment::text).anyMatch(t -> t.contains("Park") || t.contains("park"));
            // Wien's tourists write in English too.
            assertThat(marketer.analytics().scores(days + "&storeId=wien-neubau").comments()).extracting(ScoreReport.Comment::text)
                    .isNotEmpty();

            // What a marketer and the staff find next to the scores.
            assertThat(marketer.surveys().list()).extracting(s -> s.definition().targeting().touchpoints().get(0))
                    .containsExactlyInAnyOrder("checkout", "fitting-room", "service-desk");
            assertThat(marketer.offers().list()).hasSize(6).anySatisfy(o -> assertThat(o.definition().recovery()).isTrue());
            assertThat(marketer.recovery().stats()).hasSize(4).allSatisfy((store, stats) -> assertThat(stats.offerId()).isNotNull());
            assertThat(server.as("admin").kiosks().list(null)).hasSize(8)
                    .allSatisfy(k -> assertThat(k.state()).isEqualTo("enrolled"));
            List<CaseView> cases = server.as("admin").cases().list("all");
            assertThat(cases).extracting(CaseView::state).contains("closed", "answered");
            assertThat(cases).filteredOn(c -> !c.state().equals("closed")).hasSize(summary.cases())
                    .anySatisfy(c -> assertThat(c.overdue()).isTrue());

            CampaignView campaign = marketer.campaigns().get(summary.campaign());
            assertThat(campaign.state()).isEqualTo("done");
            CampaignView.Stats a = campaign.stats().variants().get("A");
            CampaignView.Stats b = campaign.stats().variants().get("B");
            assertThat(a.sent()).isPositive();
            assertThat(b.sent()).isPositive();
            assertThat((double) b.opened() / b.sent()).as("B, which greets by name, is opened more often")
                    .isGreaterThan((double) a.opened() / a.sent());
            assertThat(campaign.stats().redeemed()).isPositive();

            // Written once: a restart finds the directory in use and adds nothing.
            server.restart();
            assertThat(server.demo()).isEmpty();
            assertThat(server.as("marketer").analytics().scores(range(today.minusDays(90), today.minusDays(1))).count())
                    .isEqualTo(summary.answers());
            assertThat(server.as("admin").kiosks().list(null)).hasSize(8);
        }
        // The same seed on the same day writes the same history.
        try (TestServer again = TestServer.start(second, DEMO)) {
            LocalDate today = LocalDate.now(BERLIN);
            KundenpulsClient marketer = again.as("marketer");
            try (TestServer first = TestServer.start(dir, DEMO)) {
                for (String store : List.of("berlin-mitte", "hamburg-altona", "muenchen-schwabing", "wien-neubau")) {
                    String query = range(today.minusDays(90), today.minusDays(1)) + "&storeId=" + store;
                    ScoreReport one = first.as("marketer").analytics().scores(query);
                    ScoreReport other = marketer.analytics().scores(query);
                    assertThat(other.count()).as(store).isEqualTo(one.count());
                    assertThat(other.csat()).as(store).isEqualTo(one.csat());
                    assertThat(other.dimensions()).as(store).isEqualTo(one.dimensions());
                }
            }
        }
    }

    private static String range(LocalDate from, LocalDate to) {
        return "from=" + from + "&to=" + to;
    }
}
