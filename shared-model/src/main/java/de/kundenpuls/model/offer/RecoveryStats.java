package de.kundenpuls.model.offer;

/**
 * Whether a store's service recovery works: offers given after answered complaints, and what
 * the customers' next rating at that store said.
 *
 * @param offerId        the store's recovery offer, or null if none is set
 * @param offered        apology offers granted
 * @param pushed         of them, announced by push
 * @param redeemed       of them, redeemed at a till
 * @param nextRatings    customers who rated that store again after the offer
 * @param recovered      of them, happy (4 or 5) this time
 * @param redemptionRate redeemed / offered in percent, null before the first offer
 * @param recoveryRate   recovered / nextRatings in percent, null before the first next rating
 */
public record RecoveryStats(String offerId, long offered, long pushed, long redeemed, long nextRatings, long recovered,
                            Double redemptionRate, Double recoveryRate) {
}
