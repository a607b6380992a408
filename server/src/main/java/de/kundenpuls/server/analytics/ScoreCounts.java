package de.kundenpuls.server.analytics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Integer sums of the answers of one store, touchpoint, category and day. Kept up to date on every
 * accepted answer; scores are computed from them at query time, so sums over days and keys are
 * exact and never need the raw answers.
 *
 * @param count           all answers
 * @param ratings         answers with a rating
 * @param satisfied       ratings of 4 or 5
 * @param npsAnswers      answers with an NPS
 * @param promoters       NPS 9–10
 * @param detractors      NPS 0–6
 * @param cesAnswers      answers with a CES
 * @param cesSum          sum of CES values
 * @param dimensionSums   dimension → sum of its scores
 * @param dimensionCounts dimension → number of scores
 */
public record ScoreCounts(long count, long ratings, long satisfied, long npsAnswers, long promoters, long detractors,
                          long cesAnswers, long cesSum, Map<String, Long> dimensionSums, Map<String, Long> dimensionCounts) {

    /** No answers. */
    public static final ScoreCounts EMPTY = new ScoreCounts(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

    /** Copies the maps. */
    public ScoreCounts {
        dimensionSums = Collections.unmodifiableMap(new HashMap<>(dimensionSums));
        dimensionCounts = Collections.unmodifiableMap(new HashMap<>(dimensionCounts));
    }

    /**
     * These counts plus one answer.
     *
     * @param rating     1–5 or null
     * @param nps        0–10 or null
     * @param ces        1–7 or null
     * @param dimensions dimension → 1–5
     * @return the new counts
     */
    public ScoreCounts plus(Integer rating, Integer nps, Integer ces, Map<String, Integer> dimensions) {
        Map<String, Long> sums = new HashMap<>(dimensionSums);
        Map<String, Long> counts = new HashMap<>(dimensionCounts);
        dimensions.forEach((d, v) -> {
            sums.merge(d, (long) v, Long::sum);
            counts.merge(d, 1L, Long::sum);
        });
        return new ScoreCounts(count + 1,
                ratings + (rating == null ? 0 : 1),
                satisfied + (rating != null && rating >= 4 ? 1 : 0),
                npsAnswers + (nps == null ? 0 : 1),
                promoters + (nps != null && nps >= 9 ? 1 : 0),
                detractors + (nps != null && nps <= 6 ? 1 : 0),
                cesAnswers + (ces == null ? 0 : 1),
                cesSum + (ces == null ? 0 : ces),
                sums, counts);
    }

    /**
     * The sum of two counts.
     *
     * @param o the other counts
     * @return the sum
     */
    public ScoreCounts plus(ScoreCounts o) {
        Map<String, Long> sums = new HashMap<>(dimensionSums);
        Map<String, Long> counts = new HashMap<>(dimensionCounts);
        o.dimensionSums.forEach((d, v) -> sums.merge(d, v, Long::sum));
        o.dimensionCounts.forEach((d, v) -> counts.merge(d, v, Long::sum));
        return new ScoreCounts(count + o.count, ratings + o.ratings, satisfied + o.satisfied, npsAnswers + o.npsAnswers,
                promoters + o.promoters, detractors + o.detractors, cesAnswers + o.cesAnswers, cesSum + o.cesSum, sums, counts);
    }
}
