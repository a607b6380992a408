package de.kundenpuls.server.feedback;

import java.time.Duration;

/**
 * Capture rules.
 *
 * @param minInterval  shortest time between two answers of one device or kiosk (button mashing)
 * @param futureSkew   how far in the future {@code createdAt} may be (device clocks drift)
 * @param maxBatchSize most items per batch
 * @param maxAge       how old {@code createdAt} may be; also how long a retry is recognised as one
 */
public record CaptureSettings(Duration minInterval, Duration futureSkew, int maxBatchSize, Duration maxAge) {

    /** Defaults: 3 s, 5 min, 500 items, 30 days. */
    public static final CaptureSettings DEFAULT = new CaptureSettings(Duration.ofSeconds(3), Duration.ofMinutes(5), 500,
            Duration.ofDays(30));

    /** How long after its first receipt an answer can come back as a retry: max age plus skew. */
    public Duration retryWindow() {
        return maxAge.plus(futureSkew);
    }
}
