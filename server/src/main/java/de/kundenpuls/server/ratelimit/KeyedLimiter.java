package de.kundenpuls.server.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One token bucket per key (an identity, a kiosk), judged on the server's clock. The number of
 * keys is bounded: a key unused for as long as its bucket takes to fill up has nothing left to
 * limit, so it is dropped then, and the least recently used go first beyond {@code maxKeys}.
 */
public final class KeyedLimiter {

    private final Rate rate;
    private final Cache<String, TokenBucket> buckets;

    /**
     * How much a key may do.
     *
     * @param burst  how many at once, from a full bucket
     * @param refill how long an empty bucket takes to fill up again (the sustained rate is
     *               {@code burst / refill})
     */
    public record Rate(int burst, Duration refill) {
        /** Checks the values. */
        public Rate {
            if (burst < 1 || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("A rate needs a burst ≥ 1 and a positive refill time");
            }
        }
    }

    /**
     * Creates the limiter.
     *
     * @param rate    the rate of every key
     * @param maxKeys how many keys are kept at most
     */
    public KeyedLimiter(Rate rate, long maxKeys) {
        this.rate = rate;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(rate.refill())
                .executor(Runnable::run).build();
    }

    /** The rate. */
    public Rate rate() {
        return rate;
    }

    /**
     * Takes {@code n} tokens of a key's bucket, all or none.
     *
     * @param key the key
     * @param n   how many
     * @return empty when taken; else how long until {@code n} tokens (at most a full bucket) will
     *         be there
     */
    public Optional<Duration> take(String key, int n) {
        long now = System.nanoTime();
        TokenBucket bucket = buckets.get(key, k -> new TokenBucket(rate.burst(), rate.refill().toNanos(), now));
        if (n <= rate.burst() && bucket.tryTake(n, now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(1, bucket.nanosUntil(n, now))));
    }
}
