package de.kundenpuls.server.api;

import java.time.Duration;

import de.kundenpuls.model.Message;
import de.kundenpuls.model.ProblemCode;

/** 429: over a rate limit; answered with {@code Retry-After} in whole seconds. */
public final class TooManyRequestsException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * Creates the exception.
     *
     * @param field      the field whose count is over the limit, or null
     * @param retryAfter how long to wait (rounded up to whole seconds, at least one)
     * @param code       which limit
     * @param args       the arguments of the code's text
     */
    public TooManyRequestsException(String field, Duration retryAfter, ProblemCode code, Object... args) {
        super(field, Message.of(code, args), null);
        this.retryAfterSeconds = seconds(retryAfter);
    }

    /**
     * @param wait a wait
     * @return it in whole seconds, rounded up, at least one: what {@code Retry-After} and the texts say
     */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Seconds to wait before the next try. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
