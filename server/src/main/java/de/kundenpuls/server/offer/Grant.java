package de.kundenpuls.server.offer;

import java.time.Instant;

/**
 * One shopper's copy of an offer with its own redeem code.
 *
 * @param code        EAN-13 in the in-store range 29, unique
 * @param offerId     the offer
 * @param uid         the shopper (null after erasure)
 * @param issuedAt    when it was given
 * @param redeemedAt  when it was redeemed, or null
 * @param redeemedIn  where it was redeemed, or null
 * @param source      {@code inbox}, {@code campaign:<id>:<variant>} or {@code recovery}
 * @param storeId     for recovery: the store whose detractor got it
 * @param nextRating  for recovery: the shopper's next rating at that store, or null
 * @param pushOutcome for recovery: what happened to the push message ({@code sent}, {@code unregistered}, …), or null
 */
public record Grant(String code, String offerId, String uid, Instant issuedAt, Instant redeemedAt, String redeemedIn,
                    String source, String storeId, Integer nextRating, String pushOutcome) {

    /** Copy marked as redeemed. */
    public Grant redeemed(Instant at, String store) {
        return new Grant(code, offerId, uid, issuedAt, at, store, source, storeId, nextRating, pushOutcome);
    }

    /** Copy with the shopper's next rating at the recovery store. */
    public Grant withNextRating(int rating) {
        return new Grant(code, offerId, uid, issuedAt, redeemedAt, redeemedIn, source, storeId, rating, pushOutcome);
    }

    /** Copy without the person (erasure keeps the anonymous counts). */
    public Grant anonymized() {
        return new Grant(code, offerId, null, issuedAt, redeemedAt, redeemedIn, source, storeId, nextRating, pushOutcome);
    }

    /** Copy with the outcome of its push message. */
    public Grant pushed(String outcome) {
        return new Grant(code, offerId, uid, issuedAt, redeemedAt, redeemedIn, source, storeId, nextRating, outcome);
    }

    /** Whether it is a service-recovery grant. */
    public boolean recovery() {
        return "recovery".equals(source);
    }
}
