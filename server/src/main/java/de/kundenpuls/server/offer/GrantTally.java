package de.kundenpuls.server.offer;

/**
 * Counts over the grants of one source (a campaign variant, or a store's service recovery), kept
 * up to date on every grant change so that reports never walk all grants. A stored holder: a
 * change updates its fields and stores this object only.
 */
public final class GrantTally {

    private long offered;
    private long pushed;
    private long redeemed;
    private long nextRatings;
    private long recovered;

    /** Grants given. */
    public long offered() {
        return offered;
    }

    /** Grants whose push message was sent. */
    public long pushed() {
        return pushed;
    }

    /** Grants redeemed. */
    public long redeemed() {
        return redeemed;
    }

    /** Recovery grants whose shopper rated the store again. */
    public long nextRatings() {
        return nextRatings;
    }

    /** … and rated it 4 or 5. */
    public long recovered() {
        return recovered;
    }

    /** Counts a grant in (+1) or out (−1). */
    synchronized void count(Grant g, int sign) {
        offered += sign;
        // "sent" or "sent (exempt from the contact budget)"
        pushed += g.pushOutcome() != null && g.pushOutcome().startsWith("sent") ? sign : 0;
        redeemed += g.redeemedAt() != null ? sign : 0;
        nextRatings += g.nextRating() != null ? sign : 0;
        recovered += g.nextRating() != null && g.nextRating() >= 4 ? sign : 0;
    }

    /** A consistent copy for readers on other threads. */
    synchronized GrantTally copy() {
        GrantTally c = new GrantTally();
        c.offered = offered;
        c.pushed = pushed;
        c.redeemed = redeemed;
        c.nextRatings = nextRatings;
        c.recovered = recovered;
        return c;
    }
}
