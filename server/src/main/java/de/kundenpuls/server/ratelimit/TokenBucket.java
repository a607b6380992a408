package de.kundenpuls.server.ratelimit;

/**
 * A token bucket: {@code capacity} tokens, refilled evenly over {@code periodNanos}. Used to stay
 * inside FCM's quotas instead of learning them from 429s, and to bound how many answers one
 * identity may send.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    /**
     * Creates a full bucket.
     *
     * @param capacity    tokens when full (the burst)
     * @param periodNanos time in which an empty bucket fills up again
     * @param now         the current {@link System#nanoTime()}
     */
    public TokenBucket(long capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.refillPerNano = (double) capacity / periodNanos;
        this.tokens = capacity;
        this.last = now;
    }

    /**
     * Takes a token if one is there.
     *
     * @param now the current {@link System#nanoTime()}
     * @return whether it was taken
     */
    public boolean tryTake(long now) {
        return tryTake(1, now);
    }

    /**
     * Takes {@code n} tokens if all of them are there, else none.
     *
     * @param n   how many
     * @param now the current {@link System#nanoTime()}
     * @return whether they were taken
     */
    public synchronized boolean tryTake(int n, long now) {
        refill(now);
        if (tokens >= n) {
            tokens -= n;
            return true;
        }
        return false;
    }

    /**
     * How long until a token will be there.
     *
     * @param now the current {@link System#nanoTime()}
     * @return nanoseconds, 0 when one is there now
     */
    public long nanosUntilToken(long now) {
        return nanosUntil(1, now);
    }

    /**
     * How long until {@code n} tokens will be there (at most the capacity can ever be).
     *
     * @param n   how many
     * @param now the current {@link System#nanoTime()}
     * @return nanoseconds, 0 when they are there now
     */
    public synchronized long nanosUntil(int n, long now) {
        refill(now);
        double wanted = Math.min(n, capacity);
        return tokens >= wanted ? 0 : (long) Math.ceil((wanted - tokens) / refillPerNano);
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * refillPerNano);
        last = now;
    }
}
