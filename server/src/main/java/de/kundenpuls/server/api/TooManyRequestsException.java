package de.kundenpuls.server.api;

import java.time.Duration;

import io.helidon.http.Status;

/** 429: over a rate limit; answered with {@code Retry-After} in whole seconds. */
public final class TooManyRequestsException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /**
     * Creates the exception.
     *
     * @param field      the field whose count is over the limit, or null
     * @param detail     which limit, in words the user can act on
     * @param retryAfter how long to wait (rounded up to whole seconds, at least one)
     */
    public TooManyRequestsException(String field, String detail, Duration retryAfter) {
        super(Status.TOO_MANY_REQUESTS_429, "Too many requests", detail, field);
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        this.retryAfterSeconds = Math.max(1, seconds);
    }

    /** Seconds to wait before the next try. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
