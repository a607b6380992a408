package de.kundenpuls.model.offer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An offer as one shopper sees it: ranked, with the reason in words and their own redeem code
 * (an EAN-13 in the GS1 in-store range 29, shown as a barcode at the till).
 *
 * @param offerId     the offer
 * @param title       title in the shopper's language
 * @param description description in the shopper's language
 * @param benefit     what they get
 * @param gtin        the product, if a product offer
 * @param category    the category, if a category offer
 * @param validTo     last moment it can be redeemed
 * @param storeIds    where; empty = all stores
 * @param code        the shopper's redeem code
 * @param reason      why it is shown to them
 * @param redeemed    whether they redeemed it already
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalOffer(String offerId, String title, String description, String benefit, String gtin, String category,
                            Instant validTo, List<String> storeIds, String code, String reason, boolean redeemed) {
}
