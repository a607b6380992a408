package de.kundenpuls.server.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.analytics.ScoreReport;

/**
 * Computes scores from the {@link Rollups}: a range is covered by whole months, then whole
 * weeks, then single days, so a query reads O(months + weeks + edge days) cells per store and
 * never a raw answer. Scores are derived from integer sums at the very end, so they equal a
 * recomputation from the raw answers exactly.
 */
public final class ScoreQuery {

    private static final int TOTAL_COMMENTS = 10;
    private static final int PERIOD_COMMENTS = 3;

    private final Rollups rollups;

    /**
     * Creates the query.
     *
     * @param rollups the roll-ups
     */
    public ScoreQuery(Rollups rollups) {
        this.rollups = rollups;
    }

    /** How the range is split into periods. */
    public enum Granularity {
        /** One period per day. */
        DAY,
        /** One period per ISO week. */
        WEEK,
        /** One period per calendar month. */
        MONTH,
        /** One period per calendar quarter. */
        QUARTER;

        /** The name used in the API, e.g. {@code week}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The filter.
     *
     * @param storeIds    stores to include
     * @param touchpoint  one touchpoint, or null for all
     * @param category    one category, or null for all
     * @param from        first day
     * @param to          last day
     * @param granularity the periods
     */
    public record Filter(List<String> storeIds, String touchpoint, String category, LocalDate from, LocalDate to,
                         Granularity granularity) {
    }

    /**
     * Runs the query.
     *
     * @param f the filter
     * @return the report
     */
    public ScoreReport run(Filter f) {
        String key = (f.touchpoint() == null ? Rollups.ALL : f.touchpoint()) + "|"
                + (f.category() == null ? Rollups.ALL : f.category());
        ScoreCounts.Sum total = new ScoreCounts.Sum();
        Newest totalComments = new Newest(TOTAL_COMMENTS);
        Newest detractorComments = new Newest(TOTAL_COMMENTS);
        List<ScoreReport.Period> periods = new ArrayList<>();
        for (LocalDate start = f.from(); !start.isAfter(f.to()); ) {
            LocalDate end = min(periodEnd(start, f.granularity()), f.to());
            ScoreCounts.Sum sum = new ScoreCounts.Sum();
            Newest periodComments = new Newest(PERIOD_COMMENTS);
            for (String storeId : f.storeIds()) {
                cover(storeId, start, end, key, sum, periodComments, totalComments, detractorComments);
            }
            ScoreCounts counts = sum.value();
            if (counts.count() > 0) {
                total.add(sum);
                periods.add(new ScoreReport.Period(label(start, f.granularity()), counts.count(), csat(counts), nps(counts),
                        ces(counts), dimensions(counts), periodComments.list()));
            }
            start = end.plusDays(1);
        }
        ScoreCounts all = total.value();
        return new ScoreReport(f.from().toString(), f.to().toString(), f.granularity().label(), all.count(), csat(all),
                nps(all), ces(all), dimensions(all), totalComments.list(), detractorComments.list(), periods);
    }

    /**
     * The newest few comments seen, kept while the cells are read: a year over 50 stores reads
     * 2,650 cells with up to ten comments each, and only 10 + 3 per period are shown.
     */
    private static final class Newest {
        private final int limit;
        private final java.util.PriorityQueue<Pick> oldestFirst = new java.util.PriorityQueue<>(
                Comparator.comparing((Pick p) -> p.comment().at()));

        Newest(int limit) {
            this.limit = limit;
        }

        /**
         * Offers a comment that this list keeps only when it qualifies.
         *
         * @return whether an older comment could still be kept
         */
        boolean offerIf(boolean qualifies, String storeId, Rollups.RecentComment c) {
            if (qualifies) {
                return offer(storeId, c);
            }
            return oldestFirst.size() < limit || c.at().isAfter(oldestFirst.peek().comment().at());
        }

        /** Offers a cell's comment; returns false once it is too old to be kept (the list is newest first). */
        boolean offer(String storeId, Rollups.RecentComment c) {
            if (oldestFirst.size() == limit) {
                if (!c.at().isAfter(oldestFirst.peek().comment().at())) {
                    return false;
                }
                oldestFirst.poll();
            }
            oldestFirst.add(new Pick(storeId, c));
            return true;
        }

        List<ScoreReport.Comment> list() {
            return oldestFirst.stream().sorted(Comparator.comparing((Pick p) -> p.comment().at()).reversed())
                    .map(p -> new ScoreReport.Comment(p.comment().feedbackId(), p.storeId(), p.comment().touchpoint(),
                            p.comment().at(), p.comment().text(), p.comment().rating(), p.comment().nps()))
                    .toList();
        }

        private record Pick(String storeId, Rollups.RecentComment comment) {
        }
    }

    /** Adds a store's sums over [a, b], taking the largest whole unit that fits at each step. */
    private void cover(String storeId, LocalDate a, LocalDate b, String key, ScoreCounts.Sum sum, Newest period,
                       Newest total, Newest detractors) {
        LocalDate d = a;
        while (!d.isAfter(b)) {
            Rollups.Level level;
            LocalDate next;
            LocalDate monthEnd = d.with(TemporalAdjusters.lastDayOfMonth());
            if (d.getDayOfMonth() == 1 && !monthEnd.isAfter(b)) {
                level = Rollups.Level.MONTH;
                next = monthEnd.plusDays(1);
            } else if (d.getDayOfWeek() == DayOfWeek.MONDAY && !d.plusDays(6).isAfter(b)) {
                level = Rollups.Level.WEEK;
                next = d.plusDays(7);
            } else {
                level = Rollups.Level.DAY;
                next = d.plusDays(1);
            }
            Rollups.Cell cell = rollups.cell(storeId, level, d);
            if (cell != null) {
                ScoreCounts counts = cell.counts(key);
                if (counts != null) {
                    sum.add(counts);
                    cell.visitComments(key, c -> period.offer(storeId, c) | total.offer(storeId, c)
                            | detractors.offerIf(c.unhappy(), storeId, c));
                }
            }
            d = next;
        }
    }

    private static LocalDate periodEnd(LocalDate start, Granularity g) {
        return switch (g) {
            case DAY -> start;
            case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> start.withMonth(((start.getMonthValue() - 1) / 3) * 3 + 3).with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    private static String label(LocalDate start, Granularity g) {
        return switch (g) {
            case DAY -> start.toString();
            case WEEK -> week(start);
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
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

    /** Mean per dimension that has scores, in alphabetical order. */
    public static Map<String, Double> dimensions(ScoreCounts c) {
        Map<String, Double> result = new java.util.TreeMap<>();
        long[] sums = c.dimensionSums();
        long[] counts = c.dimensionCounts();
        for (int d = 0; d < ScoreCounts.DIMENSIONS.length; d++) {
            if (counts[d] > 0) {
                result.put(ScoreCounts.DIMENSIONS[d], (double) sums[d] / counts[d]);
            }
        }
        return new LinkedHashMap<>(result);
    }
}
