package de.kundenpuls.server.push;

/**
 * A client-side token bucket: {@code capacity} tokens refilled evenly over {@code periodNanos}.
 * Keeps Kundenpuls inside FCM's quotas instead of learning them from 429s.
 */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    TokenBucket(long capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.refillPerNano = (double) capacity / periodNanos;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes a token if one is there. */
    synchronized boolean tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until a token will be there. */
    synchronized long nanosUntilToken(long now) {
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * refillPerNano);
        last = now;
    }
}
