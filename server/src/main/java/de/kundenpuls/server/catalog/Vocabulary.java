package de.kundenpuls.server.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words every chain starts with: the touchpoints of the customer journey and the product
 * categories, in German and English. Seeded into a new data directory; stores and products are
 * the chain's own (the console and the CSV import), or the embedded default's demo.
 */
public final class Vocabulary {

    /** Touchpoints of the customer journey, in order. */
    public static final Map<String, Map<String, String>> TOUCHPOINTS = ordered(
            "entrance", "Eingang", "Entrance",
            "shelf", "Regal", "Shelf",
            "fitting-room", "Umkleide", "Fitting room",
            "checkout", "Kasse", "Checkout",
            "service-desk", "Servicetheke", "Service desk",
            "app", "App", "App");

    /** Product categories. */
    public static final Map<String, Map<String, String>> CATEGORIES = ordered(
            "dairy", "Molkereiprodukte", "Dairy",
            "bakery", "Backwaren", "Bakery",
            "beverages", "Getränke", "Beverages",
            "produce", "Obst & Gemüse", "Fruit & vegetables",
            "household", "Haushalt", "Household",
            "cosmetics", "Drogerie & Kosmetik", "Health & beauty",
            "apparel", "Bekleidung", "Apparel",
            "shoes", "Schuhe", "Shoes",
            "electronics", "Elektronik", "Electronics",
            "sports", "Sport", "Sports");

    private Vocabulary() {
    }

    private static Map<String, Map<String, String>> ordered(String... idDeEn) {
        Map<String, Map<String, String>> map = new LinkedHashMap<>();
        for (int i = 0; i < idDeEn.length; i += 3) {
            Map<String, String> names = new LinkedHashMap<>();
            names.put("de", idDeEn[i + 1]);
            names.put("en", idDeEn[i + 2]);
            map.put(idDeEn[i], java.util.Collections.unmodifiableMap(names));
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
