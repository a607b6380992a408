package de.kundenpuls.model.offer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * An offer as a marketer defines it: for one product or a whole category.
 *
 * @param title       title per language (de required)
 * @param description description per language
 * @param gtin        the product, or null for a category offer
 * @param category    the category, or null for a product offer
 * @param benefit     what the customer gets, e.g. {@code -20 %} or {@code 2 für 1}
 * @param validFrom   start
 * @param validTo     end
 * @param storeIds    stores where it can be redeemed; empty = all
 * @param recovery    whether it is a service-recovery offer (given to detractors, not listed to everyone)
 */
public record OfferDefinition(Map<String, String> title, Map<String, String> description, Gtin gtin, String category,
                              String benefit, Instant validFrom, Instant validTo, List<String> storeIds, Boolean recovery) {

    /** Validates the offer. */
    public OfferDefinition {
        if (title == null || title.get("de") == null || title.get("de").isBlank()) {
            throw new InvalidFieldException("title.de", ProblemCode.REQUIRED);
        }
        title = Collections.unmodifiableMap(new LinkedHashMap<>(title));
        description = Collections.unmodifiableMap(new LinkedHashMap<>(description == null ? Map.of() : description));
        if ((gtin == null) == (category == null || category.isBlank())) {
            throw new InvalidFieldException("gtin", ProblemCode.OFFER_PRODUCT_OR_CATEGORY);
        }
        benefit = InvalidFieldException.requiredText(benefit, "benefit", 100);
        InvalidFieldException.required(validFrom, "validFrom");
        InvalidFieldException.required(validTo, "validTo");
        if (!validTo.isAfter(validFrom)) {
            throw new InvalidFieldException("validTo", ProblemCode.BEFORE_START, "validFrom");
        }
        storeIds = Collections.unmodifiableList(new ArrayList<>(storeIds == null ? List.of() : storeIds));
        recovery = recovery != null && recovery;
    }
}
