package de.kundenpuls.model.offer;

import java.time.Instant;

/**
 * A code redeemed at a till.
 *
 * @param code       the redeem code
 * @param offerId    the offer it belongs to
 * @param redeemedAt when
 * @param storeId    where
 */
public record Redemption(String code, String offerId, Instant redeemedAt, String storeId) {
}
