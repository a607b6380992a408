package de.kundenpuls.model.feedback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import de.kundenpuls.model.Problem;

/**
 * The reply to a feedback batch: one result per item, in the order sent.
 *
 * @param results the results
 */
public record BatchResult(List<ItemResult> results) {

    /** Copies the list. */
    public BatchResult {
        results = Collections.unmodifiableList(new ArrayList<>(results));
    }

    /** What happened to one item. */
    public enum Status {
        /** Stored now. */
        ACCEPTED,
        /** Stored before under the same id; nothing changed, the retry is safe. */
        DUPLICATE,
        /** Not stored; the problem names the field. */
        REJECTED;

        /** JSON form: lower case. */
        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One item's result.
     *
     * @param id      the item's id, when it had a readable one
     * @param status  accepted, duplicate or rejected
     * @param problem why it was rejected
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(UUID id, Status status, Problem problem) {
    }
}
