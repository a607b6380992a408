package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;
import de.kundenpuls.model.ProblemCode;

/**
 * A request that cannot be served as asked, answered once, centrally, as
 * {@code application/problem+json} by {@link ProblemHandlers}. Each kind is a class of its own, and
 * its HTTP status is decided there, not by the code that throws; the exception carries a message
 * code and its arguments, worded in the caller's language only when the answer is written.
 */
public abstract sealed class ApiException extends RuntimeException
        permits InvalidRequestException, NotFoundException, ForbiddenException, ConflictException,
        TooManyRequestsException, AuthenticationException, UnsupportedMediaTypeException, RequestTimeoutException,
        ServiceUnavailableException {

    private static final long serialVersionUID = 1L;

    private final transient Message detail;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field  the wrong field, query parameter, header or path segment, or null
     * @param detail what went wrong
     * @param cause  the underlying failure (logged, never shown), or null
     */
    protected ApiException(String field, Message detail, Throwable cause) {
        super(detail.english(), cause);
        this.detail = detail;
        this.field = field;
    }

    /** What went wrong. */
    public Message detail() {
        return detail;
    }

    /** The problem code, when the detail is one. */
    public ProblemCode code() {
        return (ProblemCode) detail.key();
    }

    /** The wrong field, or null. */
    public String field() {
        return field;
    }

    /**
     * 400: a field is wrong.
     *
     * @param field the field, or null when the request as a whole is
     * @param code  what is wrong with it
     * @param args  the arguments of the code's text
     * @return the exception
     */
    public static InvalidRequestException badRequest(String field, ProblemCode code, Object... args) {
        return new InvalidRequestException(field, Message.of(code, args));
    }

    /**
     * 404: no such resource.
     *
     * @param field what identified it (path parameter name)
     * @param code  which resource is missing
     * @param args  the arguments of the code's text
     * @return the exception
     */
    public static NotFoundException notFound(String field, ProblemCode code, Object... args) {
        return new NotFoundException(field, Message.of(code, args));
    }

    /**
     * 403: the caller's role or store does not allow this.
     *
     * @param code why
     * @param args the arguments of the code's text
     * @return the exception
     */
    public static ForbiddenException forbidden(ProblemCode code, Object... args) {
        return new ForbiddenException(Message.of(code, args));
    }

    /**
     * 409: the request conflicts with the current state.
     *
     * @param field the field concerned, or null
     * @param code  the conflict
     * @param args  the arguments of the code's text
     * @return the exception
     */
    public static ConflictException conflict(String field, ProblemCode code, Object... args) {
        return new ConflictException(field, Message.of(code, args));
    }
}
