package de.kundenpuls.server.api;

import io.helidon.http.Status;

/**
 * A request that cannot be served as asked, answered once, centrally, as
 * {@code application/problem+json} by {@link ProblemHandlers}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final String title;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param status HTTP status
     * @param title  short summary of the kind of problem
     * @param detail what went wrong, in words the user can act on
     * @param field  the wrong field, query parameter or path segment, or null
     */
    public ApiException(Status status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    /** HTTP status. */
    public Status status() {
        return status;
    }

    /** Summary. */
    public String title() {
        return title;
    }

    /** The wrong field, or null. */
    public String field() {
        return field;
    }

    /**
     * 400: a field is wrong.
     *
     * @param field  the field
     * @param detail what is wrong with it
     * @return the exception
     */
    public static ApiException badRequest(String field, String detail) {
        return new ApiException(Status.BAD_REQUEST_400, "Invalid request", detail, field);
    }

    /**
     * 404: no such resource.
     *
     * @param field  what identified it (path parameter name)
     * @param detail which resource is missing
     * @return the exception
     */
    public static ApiException notFound(String field, String detail) {
        return new ApiException(Status.NOT_FOUND_404, "Not found", detail, field);
    }

    /**
     * 403: the caller's role or store does not allow this.
     *
     * @param detail why
     * @return the exception
     */
    public static ApiException forbidden(String detail) {
        return new ApiException(Status.FORBIDDEN_403, "Forbidden", detail, null);
    }

    /**
     * 409: the request conflicts with the current state.
     *
     * @param field  the field concerned, or null
     * @param detail the conflict
     * @return the exception
     */
    public static ApiException conflict(String field, String detail) {
        return new ApiException(Status.CONFLICT_409, "Conflict", detail, field);
    }
}
