package de.kundenpuls.embedded;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.feedback.FeedbackItem;

/**
 * The answers of the demo's history, day by day: how many a touchpoint gets (Saturdays more,
 * Sundays only the app), how they rate, which dimensions they score, what they write and in
 * which language, and the three planted stories of {@link DemoComments}. Every number comes
 * from one seeded random source, so the same day gives the same history.
 */
final class DemoAnswers {

    /** Days of history, ending yesterday. */
    static final int DAYS = 90;
    /** The queue at Berlin's checkout grows over the last this many days. */
    static final int QUEUE_DAYS = 21;

    private static final Map<String, Integer> PER_DAY = Map.of("entrance", 7, "shelf", 12, "fitting-room", 5,
            "checkout", 12, "service-desk", 4, "app", 4);
    private static final Map<String, List<String>> DIMENSIONS = Map.of(
            "entrance", List.of("ambience"),
            "shelf", List.of("availability", "quality", "value"),
            "fitting-room", List.of("staff", "ambience"),
            "checkout", List.of("staff", "reliability"),
            "service-desk", List.of("staff", "usefulness"),
            "app", List.of("usefulness", "reliability"));
    /** How a store rates on average, before the stories. */
    private static final Map<String, Double> STORE_MEAN = Map.of("berlin-mitte", 4.0, "hamburg-altona", 4.1,
            "muenchen-schwabing", 3.9, "wien-neubau", 4.2);

    private final Random random;
    private final Map<String, List<String>> productsByCategory;
    private final Map<String, DemoSurveys.Asked> surveys;

    /**
     * @param random             the seeded source
     * @param productsByCategory demo GTINs per category
     * @param surveys            the survey asked at a touchpoint
     */
    DemoAnswers(Random random, Map<String, List<String>> productsByCategory, Map<String, DemoSurveys.Asked> surveys) {
        this.random = random;
        this.productsByCategory = productsByCategory;
        this.surveys = surveys;
    }

    /**
     * One day's answers at one touchpoint of a store, in time order.
     *
     * @param storeId    the store
     * @param zone       its time zone
     * @param touchpoint the touchpoint
     * @param day        the day
     * @param daysAgo    how far back from today the day is (1 = yesterday)
     * @return the answers
     */
    List<FeedbackItem> day(String storeId, ZoneId zone, String touchpoint, LocalDate day, int daysAgo) {
        boolean sunday = day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (sunday && !touchpoint.equals("app")) {
            return List.of();
        }
        double factor = day.getDayOfWeek() == DayOfWeek.SATURDAY ? 1.6 : 1.0;
        int n = (int) Math.round(PER_DAY.get(touchpoint) * factor * (0.7 + 0.6 * random.nextDouble()));
        List<Integer> seconds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seconds.add(8 * 3600 + random.nextInt(12 * 3600));
        }
        seconds.sort(Integer::compare);
        List<FeedbackItem> items = new ArrayList<>();
        for (int second : seconds) {
            Instant at = day.atTime(LocalTime.ofSecondOfDay(second)).atZone(zone).toInstant();
            items.add(answer(storeId, touchpoint, at, daysAgo));
        }
        return items;
    }

    private FeedbackItem answer(String storeId, String touchpoint, Instant at, int daysAgo) {
        boolean queue = storeId.equals("berlin-mitte") && touchpoint.equals("checkout") && daysAgo <= QUEUE_DAYS;
        boolean praisedStaff = storeId.equals("hamburg-altona") && touchpoint.equals("fitting-room");
        boolean parking = storeId.equals("muenchen-schwabing") && touchpoint.equals("entrance");
        double mean = STORE_MEAN.get(storeId);
        if (queue) {
            // From 4.0 three weeks ago down to about 2.0 yesterday: clearly the weakest touchpoint of
            // the chain on every day the demo is written, whatever that day's random draws.
            mean -= 2.0 * (QUEUE_DAYS - daysAgo + 1) / QUEUE_DAYS;
        } else if (praisedStaff) {
            mean = 4.7;
        } else if (parking) {
            // Unhappy enough for parking to lead the pain points, not so much that the entrance
            // competes with Berlin's checkout for the weakest touchpoint.
            mean = 3.6;
        }
        int rating = clamp((int) Math.round(mean + random.nextGaussian() * 0.9), 1, 5);
        Integer nps = random.nextDouble() < 0.35 ? clamp((int) Math.round(rating * 2 + random.nextGaussian() * 1.3), 0, 10) : null;
        Integer ces = null;
        if (touchpoint.equals("checkout") || touchpoint.equals("service-desk")) {
            ces = random.nextDouble() < 0.5 ? clamp((int) Math.round(8 - rating * 1.2 + random.nextGaussian()), 1, 7) : null;
        }
        Map<String, Integer> dimensions = new LinkedHashMap<>();
        for (String d : DIMENSIONS.get(touchpoint)) {
            if (random.nextDouble() < 0.5) {
                int value = praisedStaff && d.equals("staff") ? 5 : clamp((int) Math.round(rating + random.nextGaussian() * 0.7), 1, 5);
                dimensions.put(d, value);
            }
        }
        String language = storeId.equals("wien-neubau") ? (random.nextDouble() < 0.35 ? "en" : "de")
                : random.nextDouble() < 0.08 ? "en" : "de";
        String comment = comment(touchpoint, rating, language, queue, praisedStaff, parking);
        Gtin gtin = product(touchpoint).map(Gtin::of).orElse(null);
        DemoSurveys.Asked survey = random.nextDouble() < 0.4 ? surveys.get(touchpoint) : null;
        Map<String, JsonNode> answers = survey == null ? null : Map.of(survey.questionId(),
                TextNode.valueOf(survey.optionFor(rating, queue)));
        return new FeedbackItem(UUID.nameUUIDFromBytes(longBytes(random.nextLong())), storeId, touchpoint, at, rating, nps, ces,
                dimensions, comment, gtin, survey == null ? null : survey.surveyId(), survey == null ? null : 1, answers, null);
    }

    private String comment(String touchpoint, int rating, String language, boolean queue, boolean praisedStaff, boolean parking) {
        boolean happy = rating >= 4;
        if (queue && !happy && random.nextDouble() < 0.6) {
            return DemoComments.planted(DemoComments.QUEUE, language, random);
        }
        if (praisedStaff && happy && random.nextDouble() < 0.45) {
            return DemoComments.planted(DemoComments.FITTING_STAFF, language, random);
        }
        if (parking && !happy && random.nextDouble() < 0.6) {
            return DemoComments.planted(DemoComments.PARKING, language, random);
        }
        // The unhappy and the delighted write more often than the content.
        double chance = rating <= 2 ? 0.45 : rating == 5 ? 0.22 : 0.08;
        return random.nextDouble() < chance && rating != 3 ? DemoComments.ordinary(touchpoint, happy, language, random) : null;
    }

    private Optional<String> product(String touchpoint) {
        List<String> categories = switch (touchpoint) {
            case "shelf" -> List.of("dairy", "bakery", "beverages", "produce", "household", "cosmetics", "electronics", "sports");
            case "fitting-room" -> random.nextDouble() < 0.6 ? List.of("apparel", "shoes") : List.of();
            default -> List.of();
        };
        if (categories.isEmpty()) {
            return Optional.empty();
        }
        List<String> gtins = productsByCategory.getOrDefault(categories.get(random.nextInt(categories.size())), List.of());
        return gtins.isEmpty() ? Optional.empty() : Optional.of(gtins.get(random.nextInt(gtins.size())));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
