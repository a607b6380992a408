package de.kundenpuls.server.feedback;

import java.time.Duration;

import de.kundenpuls.server.ratelimit.KeyedLimiter;

/**
 * Capture rules.
 *
 * @param minInterval  shortest time between two answers of one device or kiosk (button mashing)
 * @param futureSkew   how far in the future {@code createdAt} may be (device clocks drift)
 * @param maxBatchSize most items per batch
 * @param maxAge       how old {@code createdAt} may be; also how long a retry is recognised as one
 * @param shopperRate  new answers one app account (signed in or anonymous) may send, on the
 *                     server's clock
 * @param kioskRate    new answers one kiosk may send, on the server's clock (its outbox may bring
 *                     a backlog at once after a network outage)
 */
public record CaptureSettings(Duration minInterval, Duration futureSkew, int maxBatchSize, Duration maxAge,
                              KeyedLimiter.Rate shopperRate, KeyedLimiter.Rate kioskRate) {

    /** Rate of an app account by default: 5 at once, 1 more every 30 s. */
    public static final KeyedLimiter.Rate SHOPPER_RATE = new KeyedLimiter.Rate(5, Duration.ofSeconds(150));
    /** Rate of a kiosk by default: 500 at once (a backlog), 1 more every 2 s (1,800 an hour). */
    public static final KeyedLimiter.Rate KIOSK_RATE = new KeyedLimiter.Rate(500, Duration.ofSeconds(1000));

    /** Defaults: 3 s, 5 min, 500 items, 30 days, and the rates above. */
    public static final CaptureSettings DEFAULT = new CaptureSettings(Duration.ofSeconds(3), Duration.ofMinutes(5), 500,
            Duration.ofDays(30), SHOPPER_RATE, KIOSK_RATE);

    /** How long after its first receipt an answer can come back as a retry: max age plus skew. */
    public Duration retryWindow() {
        return maxAge.plus(futureSkew);
    }
}
