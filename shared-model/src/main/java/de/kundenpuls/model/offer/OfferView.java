package de.kundenpuls.model.offer;

import java.time.Instant;

/**
 * A stored offer.
 *
 * @param id         offer id
 * @param definition its content
 * @param createdAt  when it was created
 */
public record OfferView(String id, OfferDefinition definition, Instant createdAt) {
}
