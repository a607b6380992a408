package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scores served from the incrementally kept aggregates equal a recomputation from the raw
 * answers, for random data, every filter and both granularities, before and after a restart.
 */
class ScoresRecomputationTest {

    private static final String[] STORES = {"berlin-mitte", "wien-neubau"};
    private static final String[] TOUCHPOINTS = {"entrance", "shelf", "checkout"};
    private static final String[] PRODUCTS = {"4013456000018", null, null};
    private static final String[] DIMENSIONS = {"quality", "availability", "value", "staff", "ambience"};

    @TempDir
    Path dir;

    @Test
    void aggregatesEqualARecomputationFromRawAnswers() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        try (TestServer server = TestServer.start(dir, Map.of("catalog.seed-demo", "true"))) {
            String category = server.client().catalog().product("4013456000018", "de").category();
            List<FeedbackItem> accepted = new ArrayList<>();
            for (int batch = 0; batch < 6; batch++) {
                List<FeedbackItem> items = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    items.add(randomItem(random, today));
                }
                BatchResult result = server.client().feedback().send(items);
                for (int i = 0; i < items.size(); i++) {
                    if (result.results().get(i).status() == BatchResult.Status.ACCEPTED) {
                        accepted.add(items.get(i));
                    }
                }
            }
            assertThat(accepted).as("seed %d", seed).hasSize(480);
            KundenpulsClient marketer = server.as("marketer");
            String range = "&from=" + today.minusDays(40) + "&to=" + today;
            verify(marketer, accepted, range, x -> true, seed);
            verify(marketer, accepted, "&storeId=wien-neubau" + range, x -> x.storeId().equals("wien-neubau"), seed);
            verify(marketer, accepted, "&touchpoint=checkout" + range, x -> x.touchpoint().equals("checkout"), seed);
            verify(marketer, accepted, "&category=" + category + range, x -> x.gtin() != null, seed);
            verify(marketer, accepted, "&storeId=berlin-mitte&touchpoint=shelf&granularity=week" + range,
                    x -> x.storeId().equals("berlin-mitte") && x.touchpoint().equals("shelf"), seed);

            server.restart();
            KundenpulsClient again = server.as("marketer");
            verify(again, accepted, range + "&granularity=week", x -> true, seed);
            verify(again, accepted, "&storeId=berlin-mitte" + range, x -> x.storeId().equals("berlin-mitte"), seed);
        }
    }

    private static FeedbackItem randomItem(Random r, LocalDate today) {
        Instant at = today.minusDays(r.nextInt(35)).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()
                .plusSeconds(r.nextInt(86_400));
        if (at.isAfter(Instant.now())) {
            at = Instant.now().minusSeconds(r.nextInt(3600) + 1);
        }
        Map<String, Integer> dims = new HashMap<>();
        for (String d : DIMENSIONS) {
            if (r.nextInt(3) == 0) {
                dims.put(d, 1 + r.nextInt(5));
            }
        }
        Integer rating = r.nextInt(4) == 0 ? null : 1 + r.nextInt(5);
        Integer nps = r.nextInt(3) == 0 ? null : r.nextInt(11);
        Integer ces = r.nextInt(2) == 0 ? null : 1 + r.nextInt(7);
        if (rating == null && nps == null && ces == null && dims.isEmpty()) {
            rating = 3;
        }
        String gtin = PRODUCTS[r.nextInt(PRODUCTS.length)];
        String comment = r.nextInt(5) == 0 ? "Kommentar " + r.nextInt(1000) : null;
        return new FeedbackItem(UUID.randomUUID(), STORES[r.nextInt(STORES.length)], TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)],
                at, rating, nps, ces, dims, comment, gtin == null ? null : Gtin.of(gtin), null, null, null, null);
    }

    private static void verify(KundenpulsClient client, List<FeedbackItem> all, String query, Predicate<FeedbackItem> filter,
                               long seed) {
        ScoreReport report = client.get("/api/analytics/scores?x=1" + query, ScoreReport.class);
        boolean weekly = query.contains("granularity=week");
        List<FeedbackItem> matching = all.stream().filter(filter).toList();
        Expected total = Expected.of(matching);
        assertThat(report.count()).as("seed %d %s", seed, query).isEqualTo(total.count);
        assertThat(report.csat()).as("csat seed %d %s", seed, query).isEqualTo(total.csat());
        assertThat(report.nps()).as("nps seed %d %s", seed, query).isEqualTo(total.nps());
        assertThat(report.ces()).as("ces seed %d %s", seed, query).isEqualTo(total.ces());
        assertThat(report.dimensions()).as("dims seed %d %s", seed, query).isEqualTo(total.dimensions());

        Map<String, List<FeedbackItem>> byPeriod = new TreeMap<>();
        for (FeedbackItem item : matching) {
            LocalDate day = LocalDate.ofInstant(item.createdAt(), ZoneId.of(item.storeId().equals("wien-neubau")
                    ? "Europe/Vienna" : "Europe/Berlin"));
            String period = weekly ? String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) : day.toString();
            byPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(item);
        }
        assertThat(report.periods()).extracting(ScoreReport.Period::period).as("seed %d %s", seed, query)
                .containsExactlyElementsOf(byPeriod.keySet());
        for (ScoreReport.Period period : report.periods()) {
            Expected e = Expected.of(byPeriod.get(period.period()));
            assertThat(period.count()).isEqualTo(e.count);
            assertThat(period.csat()).isEqualTo(e.csat());
            assertThat(period.nps()).isEqualTo(e.nps());
            assertThat(period.ces()).isEqualTo(e.ces());
            assertThat(period.dimensions()).isEqualTo(e.dimensions());
        }
        long withComments = matching.stream().filter(i -> i.comment() != null).count();
        assertThat(report.comments()).hasSize((int) Math.min(10, withComments))
                .isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
    }

    /** The scores, recomputed independently from the raw answers with Bain's definitions. */
    private record Expected(long count, long ratings, long satisfied, long npsAnswers, long promoters, long detractors,
                            long cesAnswers, long cesSum, Map<String, long[]> dims) {

        static Expected of(List<FeedbackItem> items) {
            long ratings = 0;
            long satisfied = 0;
            long npsAnswers = 0;
            long promoters = 0;
            long detractors = 0;
            long cesAnswers = 0;
            long cesSum = 0;
            Map<String, long[]> dims = new TreeMap<>();
            for (FeedbackItem i : items) {
                if (i.rating() != null) {
                    ratings++;
                    satisfied += i.rating() >= 4 ? 1 : 0;
                }
                if (i.nps() != null) {
                    npsAnswers++;
                    promoters += i.nps() >= 9 ? 1 : 0;
                    detractors += i.nps() <= 6 ? 1 : 0;
                }
                if (i.ces() != null) {
                    cesAnswers++;
                    cesSum += i.ces();
                }
                i.dimensions().forEach((d, v) -> {
                    long[] sc = dims.computeIfAbsent(d, k -> new long[2]);
                    sc[0] += v;
                    sc[1]++;
                });
            }
            return new Expected(items.size(), ratings, satisfied, npsAnswers, promoters, detractors, cesAnswers, cesSum, dims);
        }

        Double csat() {
            return ratings == 0 ? null : 100.0 * satisfied / ratings;
        }

        Double nps() {
            return npsAnswers == 0 ? null : 100.0 * (promoters - detractors) / npsAnswers;
        }

        Double ces() {
            return cesAnswers == 0 ? null : (double) cesSum / cesAnswers;
        }

        Map<String, Double> dimensions() {
            Map<String, Double> result = new java.util.LinkedHashMap<>();
            dims.forEach((d, sc) -> result.put(d, (double) sc[0] / sc[1]));
            return result;
        }
    }
}
