package de.kundenpuls.server.analytics;

import java.util.Map;

/**
 * Integer sums of a set of answers: counts for CSAT, NPS and CES, and a sum and count per
 * dimension. Kept up to date on every accepted answer; scores are computed from them at query
 * time, so sums over periods and keys are exact and never need the raw answers.
 *
 * <p>One flat {@code long[]} (see the {@code *_INDEX} constants) rather than fields and maps:
 * two stored objects per value, and adding two values is one loop. Never changed after it was
 * made; {@link #plus} returns a new value.
 *
 * @param values the sums, in the layout of the constants
 */
public record ScoreCounts(long[] values) {

    /** The dimensions, in their fixed storage order. */
    public static final String[] DIMENSIONS = {"quality", "availability", "reliability", "usefulness", "value", "staff",
            "ambience"};

    private static final int COUNT = 0;
    private static final int RATINGS = 1;
    private static final int SATISFIED = 2;
    private static final int NPS_ANSWERS = 3;
    private static final int PROMOTERS = 4;
    private static final int DETRACTORS = 5;
    private static final int CES_ANSWERS = 6;
    private static final int CES_SUM = 7;
    private static final int DIMENSION_SUMS = 8;
    private static final int DIMENSION_COUNTS = DIMENSION_SUMS + DIMENSIONS.length;
    /** Length of {@link #values()}. */
    static final int LENGTH = DIMENSION_COUNTS + DIMENSIONS.length;

    /** No answers. */
    public static final ScoreCounts EMPTY = new ScoreCounts(new long[LENGTH]);

    /**
     * The counts of one answer.
     *
     * @param rating     1–5 or null
     * @param nps        0–10 or null
     * @param ces        1–7 or null
     * @param dimensions dimension → 1–5
     * @return the counts
     */
    public static ScoreCounts of(Integer rating, Integer nps, Integer ces, Map<String, Integer> dimensions) {
        long[] v = new long[LENGTH];
        v[COUNT] = 1;
        if (rating != null) {
            v[RATINGS] = 1;
            v[SATISFIED] = rating >= 4 ? 1 : 0;
        }
        if (nps != null) {
            v[NPS_ANSWERS] = 1;
            v[PROMOTERS] = nps >= 9 ? 1 : 0;
            v[DETRACTORS] = nps <= 6 ? 1 : 0;
        }
        if (ces != null) {
            v[CES_ANSWERS] = 1;
            v[CES_SUM] = ces;
        }
        for (int d = 0; d < DIMENSIONS.length; d++) {
            Integer score = dimensions.get(DIMENSIONS[d]);
            if (score != null) {
                v[DIMENSION_SUMS + d] = score;
                v[DIMENSION_COUNTS + d] = 1;
            }
        }
        return new ScoreCounts(v);
    }

    /**
     * The sum of two counts.
     *
     * @param o the other counts
     * @return a new value
     */
    public ScoreCounts plus(ScoreCounts o) {
        long[] v = values.clone();
        for (int i = 0; i < LENGTH; i++) {
            v[i] += o.values[i];
        }
        return new ScoreCounts(v);
    }

    /** All answers. */
    public long count() {
        return values[COUNT];
    }

    /** Answers with a rating. */
    public long ratings() {
        return values[RATINGS];
    }

    /** Ratings of 4 or 5. */
    public long satisfied() {
        return values[SATISFIED];
    }

    /** Answers with an NPS. */
    public long npsAnswers() {
        return values[NPS_ANSWERS];
    }

    /** NPS 9–10. */
    public long promoters() {
        return values[PROMOTERS];
    }

    /** NPS 0–6. */
    public long detractors() {
        return values[DETRACTORS];
    }

    /** Answers with a CES. */
    public long cesAnswers() {
        return values[CES_ANSWERS];
    }

    /** Sum of CES values. */
    public long cesSum() {
        return values[CES_SUM];
    }

    /** Sum of the scores of dimension {@code d} (index into {@link #DIMENSIONS}). */
    public long dimensionSum(int d) {
        return values[DIMENSION_SUMS + d];
    }

    /** Number of scores of dimension {@code d}. */
    public long dimensionCount(int d) {
        return values[DIMENSION_COUNTS + d];
    }

    /** A sum that grows in place, for adding up many values in a query (never stored). */
    static final class Sum {
        private final long[] v = new long[LENGTH];

        void add(ScoreCounts c) {
            long[] o = c.values;
            for (int i = 0; i < LENGTH; i++) {
                v[i] += o[i];
            }
        }

        void add(Sum s) {
            for (int i = 0; i < LENGTH; i++) {
                v[i] += s.v[i];
            }
        }

        ScoreCounts value() {
            return new ScoreCounts(v.clone());
        }
    }
}
