package de.kundenpuls.model.offer;

/**
 * The offer a store gives to a customer whose complaint it answered (service recovery).
 *
 * @param storeId the store
 * @param offerId the offer sent as an apology
 */
public record RecoverySetting(String storeId, String offerId) {
}
