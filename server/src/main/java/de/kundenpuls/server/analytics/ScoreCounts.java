package de.kundenpuls.server.analytics;

import java.util.Map;

/**
 * Integer sums of a set of answers: counts for CSAT, NPS and CES, and a sum and count per
 * dimension. Kept up to date on every accepted answer; scores are computed from them at query
 * time, so sums over periods and keys are exact and never need the raw answers.
 *
 * <p>Primitive fields rather than an array or maps: Eclipse Store stores every object as an
 * entity, and a roll-up cell replaces a value of this kind per key and commit, so one entity per
 * value (not two or five) halves what a commit writes and what the storage must later collect.
 * Arithmetic goes through {@link #values()} in the layout of the {@code *_INDEX} constants. Never
 * changed after it was made; {@link #plus} returns a new value.
 */
public final class ScoreCounts {

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

    private final long count;
    private final long ratings;
    private final long satisfied;
    private final long npsAnswers;
    private final long promoters;
    private final long detractors;
    private final long cesAnswers;
    private final long cesSum;
    private final long qualitySum;
    private final long availabilitySum;
    private final long reliabilitySum;
    private final long usefulnessSum;
    private final long valueSum;
    private final long staffSum;
    private final long ambienceSum;
    private final long qualityCount;
    private final long availabilityCount;
    private final long reliabilityCount;
    private final long usefulnessCount;
    private final long valueCount;
    private final long staffCount;
    private final long ambienceCount;

    private ScoreCounts(long[] v) {
        count = v[COUNT];
        ratings = v[RATINGS];
        satisfied = v[SATISFIED];
        npsAnswers = v[NPS_ANSWERS];
        promoters = v[PROMOTERS];
        detractors = v[DETRACTORS];
        cesAnswers = v[CES_ANSWERS];
        cesSum = v[CES_SUM];
        qualitySum = v[DIMENSION_SUMS];
        availabilitySum = v[DIMENSION_SUMS + 1];
        reliabilitySum = v[DIMENSION_SUMS + 2];
        usefulnessSum = v[DIMENSION_SUMS + 3];
        valueSum = v[DIMENSION_SUMS + 4];
        staffSum = v[DIMENSION_SUMS + 5];
        ambienceSum = v[DIMENSION_SUMS + 6];
        qualityCount = v[DIMENSION_COUNTS];
        availabilityCount = v[DIMENSION_COUNTS + 1];
        reliabilityCount = v[DIMENSION_COUNTS + 2];
        usefulnessCount = v[DIMENSION_COUNTS + 3];
        valueCount = v[DIMENSION_COUNTS + 4];
        staffCount = v[DIMENSION_COUNTS + 5];
        ambienceCount = v[DIMENSION_COUNTS + 6];
    }

    /** The sums in the layout of the index constants (a new array). */
    long[] values() {
        return new long[] {count, ratings, satisfied, npsAnswers, promoters, detractors, cesAnswers, cesSum, qualitySum,
                availabilitySum, reliabilitySum, usefulnessSum, valueSum, staffSum, ambienceSum, qualityCount, availabilityCount,
                reliabilityCount, usefulnessCount, valueCount, staffCount, ambienceCount};
    }

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
        long[] v = values();
        long[] w = o.values();
        for (int i = 0; i < LENGTH; i++) {
            v[i] += w[i];
        }
        return new ScoreCounts(v);
    }

    /** All answers. */
    public long count() {
        return count;
    }

    /** Answers with a rating. */
    public long ratings() {
        return ratings;
    }

    /** Ratings of 4 or 5. */
    public long satisfied() {
        return satisfied;
    }

    /** Answers with an NPS. */
    public long npsAnswers() {
        return npsAnswers;
    }

    /** NPS 9–10. */
    public long promoters() {
        return promoters;
    }

    /** NPS 0–6. */
    public long detractors() {
        return detractors;
    }

    /** Answers with a CES. */
    public long cesAnswers() {
        return cesAnswers;
    }

    /** Sum of CES values. */
    public long cesSum() {
        return cesSum;
    }

    /** Sum of the scores per dimension, in the order of {@link #DIMENSIONS}. */
    public long[] dimensionSums() {
        return new long[] {qualitySum, availabilitySum, reliabilitySum, usefulnessSum, valueSum, staffSum, ambienceSum};
    }

    /** Number of scores per dimension, in the order of {@link #DIMENSIONS}. */
    public long[] dimensionCounts() {
        return new long[] {qualityCount, availabilityCount, reliabilityCount, usefulnessCount, valueCount, staffCount,
                ambienceCount};
    }

    /** A sum that grows in place, for adding up many values in a query (never stored). */
    static final class Sum {
        private final long[] v = new long[LENGTH];

        void add(ScoreCounts c) {
            long[] o = c.values();
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
