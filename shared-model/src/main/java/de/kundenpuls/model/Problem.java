package de.kundenpuls.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer
 * ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem: {@link ProblemCode#type()}
 * @param title    short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong this time, in words a user can act on
 * @param instance the request path
 * @param field    the JSON path, query parameter or CSV column that is wrong, when there is one
 * @param errors   further wrong fields, when there is more than one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<FieldError> errors) {

    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The type of an answer refused because it came too soon after the previous one from the same
     * device (against button mashing): a client tells its user in its own words.
     */
    public static final String TYPE_TOO_SOON = ProblemCode.TOO_SOON.type();

    /**
     * The type of a refusal because the calling kiosk was revoked in the console: the tablet stops
     * syncing and asks for a new enrollment instead of retrying.
     */
    public static final String TYPE_KIOSK_REVOKED = ProblemCode.KIOSK_REVOKED.type();

    /** Copies the error list. */
    public Problem {
        errors = errors == null || errors.isEmpty() ? null : Collections.unmodifiableList(new ArrayList<>(errors));
    }

    /**
     * A problem about one field.
     *
     * @param status HTTP status
     * @param title  summary
     * @param detail what is wrong
     * @param field  the wrong field, or null
     * @return the problem
     */
    public static Problem of(int status, String title, String detail, String field) {
        return new Problem("about:blank", title, status, detail, null, field, null);
    }

    /**
     * One wrong field.
     *
     * @param field   JSON path of the field
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
