package de.kundenpuls.model.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of answers behind a dashboard cell ({@code GET /api/feedback/answers}), newest first.
 *
 * @param items the answers of this page
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param more  whether a next page has answers
 */
public record AnswerPage(List<Answer> items, int page, int size, boolean more) {

    /** Copies the list. */
    public AnswerPage {
        items = Collections.unmodifiableList(new ArrayList<>(items == null ? List.of() : items));
    }

    /**
     * One answer as staff and marketers read it: no link to the person who gave it.
     *
     * @param id         the answer's id
     * @param storeId    where
     * @param touchpoint at which touchpoint
     * @param createdAt  when it was given
     * @param rating     1–5, or null
     * @param nps        0–10, or null
     * @param ces        1–7, or null
     * @param dimensions dimension ratings 1–5
     * @param comment    the comment, or null (also once its author was erased)
     * @param gtin       the rated product, or null
     * @param product    its name in the asked language, or null
     * @param category   its category, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(UUID id, String storeId, String touchpoint, Instant createdAt, Integer rating, Integer nps, Integer ces,
                         Map<String, Integer> dimensions, String comment, String gtin, String product, String category) {

        /** Copies the map. */
        public Answer {
            dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions == null ? Map.of() : dimensions));
        }
    }
}
