package de.kundenpuls.model.profile;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One contact with the customer, kept in a short history on the profile.
 *
 * @param at       when
 * @param kind     {@code scan}, {@code feedback}, {@code redemption}, {@code push_opened}, …
 * @param storeId  where, if known
 * @param gtin     the product, if any
 * @param category the product category, if any
 * @param rating   the rating given (1–5), for feedback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Interaction(Instant at, String kind, String storeId, String gtin, String category, Integer rating) {
}
