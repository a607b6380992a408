package de.kundenpuls.server.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import de.kundenpuls.server.analytics.TopicIndex;

/**
 * Ranks comment terms by how much more often detractors use them than promoters: the log-odds
 * ratio with an informative Dirichlet prior of Monroe, Colaresi and Quinn (2008, "Fightin' Words",
 * Political Analysis 16(4)), divided by its standard error. The prior is the term's share of all
 * comments in the period times {@value #PRIOR_WEIGHT} pseudo-counts, so a rare term needs
 * consistent use to rank, and a common one (a store's name) cancels out.
 */
final class TopicRanking {

    /** The prior's weight, in pseudo-counts. */
    static final double PRIOR_WEIGHT = 100;
    /** A term must appear in at least so many comments. */
    static final int MIN_COMMENTS = 3;
    /** |z| above this is a pain point or a delight (two-sided 5 %). */
    static final double SIGNIFICANT = 1.96;

    private TopicRanking() {
    }

    /**
     * A ranked term.
     *
     * @param term  the term
     * @param count its counts
     * @param z     the z-score: positive for detractors' terms
     */
    record Ranked(String term, TopicIndex.Count count, double z) {
    }

    /**
     * Ranks the terms of a period.
     *
     * @param counts the sums by term ({@link TopicIndex#COMMENTS} included)
     * @return every term used often enough, with its z-score
     */
    static List<Ranked> rank(Map<String, TopicIndex.Count> counts) {
        double detractorWords = 0;
        double promoterWords = 0;
        double allWords = 0;
        for (Map.Entry<String, TopicIndex.Count> e : counts.entrySet()) {
            if (!e.getKey().equals(TopicIndex.COMMENTS)) {
                detractorWords += e.getValue().detractors();
                promoterWords += e.getValue().promoters();
                allWords += e.getValue().all();
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        if (allWords == 0) {
            return ranked;
        }
        for (Map.Entry<String, TopicIndex.Count> e : counts.entrySet()) {
            TopicIndex.Count c = e.getValue();
            if (e.getKey().equals(TopicIndex.COMMENTS) || c.all() < MIN_COMMENTS) {
                continue;
            }
            double alpha = PRIOR_WEIGHT * c.all() / allWords;
            double yd = c.detractors();
            double yp = c.promoters();
            double delta = Math.log((yd + alpha) / (detractorWords + PRIOR_WEIGHT - yd - alpha))
                    - Math.log((yp + alpha) / (promoterWords + PRIOR_WEIGHT - yp - alpha));
            double variance = 1 / (yd + alpha) + 1 / (yp + alpha);
            ranked.add(new Ranked(e.getKey(), c, delta / Math.sqrt(variance)));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::z).reversed().thenComparing(Ranked::term));
        return ranked;
    }
}
