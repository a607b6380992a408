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
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scores served from the incrementally kept roll-ups equal a recomputation from the raw
 * answers, for random data in stores of four time zones, every filter and every granularity
 * (day, week, month, quarter), over a range that starts and ends inside weeks and months, before
 * and after a restart.
 */
class ScoresRecomputationTest {

    private static final Map<String, ZoneId> STORES = Map.of(
            "berlin-mitte", ZoneId.of("Europe/Berlin"),
            "wien-neubau", ZoneId.of("Europe/Vienna"),
            "tokyo-ginza", ZoneId.of("Asia/Tokyo"),
            "newyork-soho", ZoneId.of("America/New_York"));
    private static final List<String> STORE_IDS = List.copyOf(new java.util.TreeSet<>(STORES.keySet()));
    private static final String[] TOUCHPOINTS = {"entrance", "shelf", "checkout"};
    private static final String[] PRODUCTS = {"4013456000018", null, null};
    private static final String[] DIMENSIONS = {"quality", "availability", "value", "staff", "ambience"};
    private static final int DAYS = 150;

    @TempDir
    Path dir;

    @Test
    void rollupsEqualARecomputationFromRawAnswers() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant now = Instant.now();
        Map<String, String> settings = new HashMap<>(TestServer.BULK_CAPTURE);
        settings.putAll(Map.of("catalog.seed-demo", "true", "feedback.max-age-days", String.valueOf(DAYS + 10)));
        try (TestServer server = TestServer.start(dir, settings)) {
            KundenpulsClient admin = server.as("admin");
            for (String id : List.of("tokyo-ginza", "newyork-soho")) {
                admin.send("PUT", "/api/stores/" + id, Map.of("name", id, "city", id, "timeZone", STORES.get(id).getId(),
                        "touchpoints", List.of(TOUCHPOINTS)), StoreView.class);
            }
            String category = server.client().catalog().product("4013456000018", "de").category();
            List<FeedbackItem> accepted = new ArrayList<>();
            // Answers come from each store's tills (a kiosk identity per store, a device per answer).
            Map<String, KundenpulsClient> kiosks = new HashMap<>();
            for (int batch = 0; batch < 8; batch++) {
                Map<String, List<FeedbackItem>> byStore = new HashMap<>();
                for (int i = 0; i < 100; i++) {
                    FeedbackItem item = randomItem(random, now);
                    byStore.computeIfAbsent(item.storeId(), s -> new ArrayList<>()).add(item);
                }
                byStore.forEach((store, items) -> {
                    BatchResult result = kiosks.computeIfAbsent(store, server::staff).feedback().send(items);
                    for (int i = 0; i < items.size(); i++) {
                        assertThat(result.results().get(i).status()).as("seed %d item %s", seed, result.results().get(i))
                                .isEqualTo(BatchResult.Status.ACCEPTED);
                        accepted.add(items.get(i));
                    }
                });
            }
            KundenpulsClient marketer = server.as("marketer");
            LocalDate to = LocalDate.now(ZoneId.of("Asia/Tokyo"));
            // Starts on a Wednesday in the middle of a month, so every kind of edge is crossed.
            LocalDate from = to.minusDays(DAYS - 5).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                    java.time.DayOfWeek.WEDNESDAY));
            if (from.getDayOfMonth() == 1) {
                from = from.plusWeeks(1);
            }
            String range = "&from=" + from + "&to=" + to;
            LocalDate first = from;
            Predicate<FeedbackItem> inRange = x -> !localDay(x).isBefore(first) && !localDay(x).isAfter(to);
            for (String granularity : List.of("day", "week", "month", "quarter")) {
                String g = "&granularity=" + granularity;
                verify(marketer, accepted, range + g, inRange, granularity, seed);
                verify(marketer, accepted, "&storeId=tokyo-ginza" + range + g,
                        inRange.and(x -> x.storeId().equals("tokyo-ginza")), granularity, seed);
                verify(marketer, accepted, "&touchpoint=checkout" + range + g,
                        inRange.and(x -> x.touchpoint().equals("checkout")), granularity, seed);
                verify(marketer, accepted, "&category=" + category + range + g, inRange.and(x -> x.gtin() != null),
                        granularity, seed);
                verify(marketer, accepted, "&storeId=newyork-soho&touchpoint=shelf&category=" + category + range + g,
                        inRange.and(x -> x.storeId().equals("newyork-soho") && x.touchpoint().equals("shelf")
                                && x.gtin() != null), granularity, seed);
            }

            server.restart();
            KundenpulsClient again = server.as("marketer");
            verify(again, accepted, range + "&granularity=week", inRange, "week", seed);
            verify(again, accepted, range + "&granularity=quarter", inRange, "quarter", seed);
            verify(again, accepted, "&storeId=berlin-mitte" + range + "&granularity=month",
                    inRange.and(x -> x.storeId().equals("berlin-mitte")), "month", seed);
        }
    }

    private static LocalDate localDay(FeedbackItem item) {
        return LocalDate.ofInstant(item.createdAt(), STORES.get(item.storeId()));
    }

    private static FeedbackItem randomItem(Random r, Instant now) {
        Instant at = now.minusSeconds(60 + (long) (r.nextDouble() * (DAYS - 1) * 86_400L));
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
        return new FeedbackItem(UUID.randomUUID(), STORE_IDS.get(r.nextInt(STORE_IDS.size())),
                TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)], at, rating, nps, ces, dims, comment,
                gtin == null ? null : Gtin.of(gtin), null, null, null, "till-" + r.nextInt(1_000_000_000));
    }

    private static String period(LocalDate day, String granularity) {
        return switch (granularity) {
            case "day" -> day.toString();
            case "week" -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "month" -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
            default -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    private static void verify(KundenpulsClient client, List<FeedbackItem> all, String query, Predicate<FeedbackItem> filter,
                               String granularity, long seed) {
        ScoreReport report = client.get("/api/analytics/scores?x=1" + query, ScoreReport.class);
        List<FeedbackItem> matching = all.stream().filter(filter).toList();
        assertThat(matching).as("the random data must exercise %s", query).isNotEmpty();
        Expected total = Expected.of(matching);
        assertThat(report.granularity()).isEqualTo(granularity);
        assertThat(report.count()).as("seed %d %s", seed, query).isEqualTo(total.count);
        assertThat(report.csat()).as("csat seed %d %s", seed, query).isEqualTo(total.csat());
        assertThat(report.nps()).as("nps seed %d %s", seed, query).isEqualTo(total.nps());
        assertThat(report.ces()).as("ces seed %d %s", seed, query).isEqualTo(total.ces());
        assertThat(report.dimensions()).as("dims seed %d %s", seed, query).isEqualTo(total.dimensions());

        Map<String, List<FeedbackItem>> byPeriod = new TreeMap<>();
        for (FeedbackItem item : matching) {
            byPeriod.computeIfAbsent(period(localDay(item), granularity), p -> new ArrayList<>()).add(item);
        }
        assertThat(report.periods()).extracting(ScoreReport.Period::period).as("seed %d %s", seed, query)
                .containsExactlyElementsOf(byPeriod.keySet());
        for (ScoreReport.Period period : report.periods()) {
            Expected e = Expected.of(byPeriod.get(period.period()));
            assertThat(period.count()).as("seed %d %s %s", seed, query, period.period()).isEqualTo(e.count);
            assertThat(period.csat()).isEqualTo(e.csat());
            assertThat(period.nps()).isEqualTo(e.nps());
            assertThat(period.ces()).isEqualTo(e.ces());
            assertThat(period.dimensions()).isEqualTo(e.dimensions());
        }
        List<Instant> newestComments = matching.stream().filter(i -> i.comment() != null).map(FeedbackItem::createdAt)
                .sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
        assertThat(report.comments()).extracting(ScoreReport.Comment::at).as("seed %d %s", seed, query)
                .containsExactlyElementsOf(newestComments);
        List<Instant> newestUnhappy = matching.stream().filter(i -> i.comment() != null)
                .filter(i -> (i.rating() != null && i.rating() <= 2) || (i.nps() != null && i.nps() <= 6))
                .map(FeedbackItem::createdAt).sorted(java.util.Comparator.reverseOrder()).limit(10).toList();
        assertThat(report.detractorComments()).extracting(ScoreReport.Comment::at).as("unhappy, seed %d %s", seed, query)
                .containsExactlyElementsOf(newestUnhappy);
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
