package de.kundenpuls.model.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the comments of a scope are about: the terms detractors use far more often than promoters
 * (pain points), and the other way round (delights).
 *
 * @param painPoints the detractors' terms, strongest first
 * @param delights   the promoters' terms, strongest first
 * @param count      comments analysed
 */
public record TopicReport(List<Topic> painPoints, List<Topic> delights, long count) {

    /**
     * One term.
     *
     * @param term     the analysed term (stem or two-word phrase)
     * @param label    the words customers wrote for it
     * @param count    comments using it
     * @param score    the z-score of its log-odds ratio, detractors against promoters (positive: pain point)
     * @param change   its share of the comments against the previous period of the same length, in
     *                 percentage points; null when that period has no comments
     * @param examples comments behind it, newest first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Topic(String term, String label, long count, double score, Double change, List<Example> examples) {
    }

    /**
     * A comment behind a term.
     *
     * @param id     the answer
     * @param text   the comment
     * @param rating the answer's smiley, if given
     * @param at     when it was given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Example(UUID id, String text, Integer rating, Instant at) {
    }
}
