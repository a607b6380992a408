package de.kundenpuls.server.analytics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.kundenpuls.model.analytics.ScoreReport;

/**
 * Computes scores from the day aggregates: at most stores × days map reads, never a scan of raw
 * answers. Scores are derived from integer sums at the very end, so the totals equal a
 * recomputation from the raw answers exactly.
 */
public final class ScoreQuery {

    private static final int TOTAL_COMMENTS = 10;
    private static final int PERIOD_COMMENTS = 3;

    private final Aggregates aggregates;

    /**
     * Creates the query.
     *
     * @param aggregates the aggregates
     */
    public ScoreQuery(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    /**
     * The filter.
     *
     * @param storeIds    stores to include
     * @param touchpoint  one touchpoint, or null for all
     * @param category    one category, or null for all
     * @param from        first day
     * @param to          last day
     * @param weekly      per ISO week instead of per day
     */
    public record Filter(List<String> storeIds, String touchpoint, String category, LocalDate from, LocalDate to, boolean weekly) {
    }

    /**
     * Runs the query.
     *
     * @param f the filter
     * @return the report
     */
    public ScoreReport run(Filter f) {
        ScoreCounts total = ScoreCounts.EMPTY;
        Map<String, ScoreCounts> periods = new TreeMap<>();
        Map<String, List<ScoreReport.Comment>> periodComments = new TreeMap<>();
        List<ScoreReport.Comment> comments = new ArrayList<>();
        for (LocalDate day = f.from(); !day.isAfter(f.to()); day = day.plusDays(1)) {
            String period = f.weekly() ? week(day) : day.toString();
            for (String storeId : f.storeIds()) {
                ScoreCounts[] sum = {ScoreCounts.EMPTY};
                aggregates.forDay(storeId, day, (touchpoint, category, counts) -> {
                    if (matches(f, touchpoint, category)) {
                        sum[0] = sum[0].plus(counts);
                    }
                });
                if (sum[0].count() > 0) {
                    total = total.plus(sum[0]);
                    periods.merge(period, sum[0], ScoreCounts::plus);
                }
                aggregates.commentsOfDay(storeId, day, (key, list) -> {
                    int bar = key.indexOf('|');
                    if (matches(f, key.substring(0, bar), key.substring(bar + 1))) {
                        for (Aggregates.RecentComment c : list) {
                            ScoreReport.Comment comment = new ScoreReport.Comment(c.feedbackId(), storeId, key.substring(0, bar),
                                    c.at(), c.text(), c.rating(), c.nps());
                            comments.add(comment);
                            periodComments.computeIfAbsent(period, p -> new ArrayList<>()).add(comment);
                        }
                    }
                });
            }
        }
        List<ScoreReport.Period> periodList = new ArrayList<>();
        periods.forEach((period, counts) -> periodList.add(new ScoreReport.Period(period, counts.count(), csat(counts),
                nps(counts), ces(counts), dimensions(counts), newest(periodComments.getOrDefault(period, List.of()), PERIOD_COMMENTS))));
        return new ScoreReport(f.from().toString(), f.to().toString(), f.weekly() ? "week" : "day", total.count(), csat(total),
                nps(total), ces(total), dimensions(total), newest(comments, TOTAL_COMMENTS), periodList);
    }

    private static boolean matches(Filter f, String touchpoint, String category) {
        return (f.touchpoint() == null || f.touchpoint().equals(touchpoint))
                && (f.category() == null || f.category().equals(category));
    }

    private static List<ScoreReport.Comment> newest(List<ScoreReport.Comment> all, int limit) {
        return all.stream().sorted(Comparator.comparing(ScoreReport.Comment::at).reversed()).limit(limit).toList();
    }

    /** ISO week label, e.g. {@code 2026-W48}. */
    static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Percent of ratings that are 4 or 5. */
    public static Double csat(ScoreCounts c) {
        return c.ratings() == 0 ? null : 100.0 * c.satisfied() / c.ratings();
    }

    /** Percent promoters minus percent detractors (Bain). */
    public static Double nps(ScoreCounts c) {
        return c.npsAnswers() == 0 ? null : 100.0 * (c.promoters() - c.detractors()) / c.npsAnswers();
    }

    /** Mean customer effort. */
    public static Double ces(ScoreCounts c) {
        return c.cesAnswers() == 0 ? null : (double) c.cesSum() / c.cesAnswers();
    }

    /** Mean per dimension, in a fixed order. */
    public static Map<String, Double> dimensions(ScoreCounts c) {
        Map<String, Double> result = new LinkedHashMap<>();
        new TreeMap<>(c.dimensionCounts()).forEach((d, n) -> result.put(d, (double) c.dimensionSums().get(d) / n));
        return result;
    }
}
