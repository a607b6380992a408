package de.kundenpuls.server.feedback;

import java.time.Duration;

/**
 * Capture rules.
 *
 * @param minInterval  shortest time between two answers of one device or kiosk (button mashing)
 * @param futureSkew   how far in the future {@code createdAt} may be (device clocks drift)
 * @param maxBatchSize most items per batch
 */
public record CaptureSettings(Duration minInterval, Duration futureSkew, int maxBatchSize) {

    /** Defaults: 3 s, 5 min, 500 items. */
    public static final CaptureSettings DEFAULT = new CaptureSettings(Duration.ofSeconds(3), Duration.ofMinutes(5), 500);
}
