package de.kundenpuls.model.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Experience scores for a filter: the totals at the top level and the same per period.
 *
 * @param from        first day (inclusive, ISO date)
 * @param to          last day (inclusive, ISO date)
 * @param granularity {@code day}, {@code week}, {@code month} or {@code quarter}
 * @param count       all answers
 * @param csat        percent of ratings that are 4 or 5 (0–100), null without ratings
 * @param nps         percent promoters (9–10) minus percent detractors (0–6), −100…100, null without NPS answers
 * @param ces         mean customer effort (1–7), null without CES answers
 * @param dimensions  mean of each functional and emotional dimension
 * @param comments    the most recent comments, newest first
 * @param detractorComments the most recent comments of unhappy answers (rating ≤ 2 or NPS ≤ 6), newest first
 * @param periods     the same scores per day, ISO week, month or quarter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreReport(String from, String to, String granularity, long count, Double csat, Double nps, Double ces,
                          Map<String, Double> dimensions, List<Comment> comments, List<Comment> detractorComments,
                          List<Period> periods) {

    /** Copies the collections. */
    public ScoreReport {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions == null ? Map.of() : dimensions));
        comments = Collections.unmodifiableList(new ArrayList<>(comments == null ? List.of() : comments));
        detractorComments = Collections.unmodifiableList(new ArrayList<>(detractorComments == null ? List.of() : detractorComments));
        periods = Collections.unmodifiableList(new ArrayList<>(periods == null ? List.of() : periods));
    }

    /**
     * Scores of one day or week.
     *
     * @param period     {@code 2026-11-23} or {@code 2026-W48}
     * @param count      all answers
     * @param csat       percent satisfied
     * @param nps        net promoter score
     * @param ces        mean effort
     * @param dimensions dimension means
     * @param comments   most recent comments of the period
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(String period, long count, Double csat, Double nps, Double ces, Map<String, Double> dimensions,
                         List<Comment> comments) {
        /** Copies the collections. */
        public Period {
            dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions == null ? Map.of() : dimensions));
            comments = Collections.unmodifiableList(new ArrayList<>(comments == null ? List.of() : comments));
        }
    }

    /**
     * A comment behind the scores.
     *
     * @param feedbackId the answer
     * @param storeId    where
     * @param touchpoint at which touchpoint
     * @param at         when
     * @param text       the comment
     * @param rating     its rating, if any
     * @param nps        its NPS, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(UUID feedbackId, String storeId, String touchpoint, Instant at, String text, Integer rating, Integer nps) {
    }
}
