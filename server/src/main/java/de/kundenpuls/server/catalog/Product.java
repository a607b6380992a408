package de.kundenpuls.server.catalog;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.Money;

/**
 * A product as stored: texts per language, attributes per language, stock per store.
 *
 * @param gtin         the barcode number
 * @param names        name per language ({@code de} required)
 * @param brand        brand
 * @param category     category id
 * @param price        shelf price
 * @param descriptions description per language
 * @param attributes   language → comparison attributes (key → value)
 * @param stock        store id → units on hand
 */
public record Product(Gtin gtin, Map<String, String> names, String brand, String category, Money price,
                      Map<String, String> descriptions, Map<String, Map<String, String>> attributes,
                      Map<String, Integer> stock) {

    /** Copies the maps into mutable JDK maps wrapped unmodifiable (Eclipse Store, STACK.md). */
    public Product {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(price, "price");
        names = copy(names);
        descriptions = copy(descriptions);
        Map<String, Map<String, String>> attrs = new HashMap<>();
        if (attributes != null) {
            attributes.forEach((lang, values) -> attrs.put(lang, copy(values)));
        }
        attributes = Collections.unmodifiableMap(attrs);
        stock = copy(stock);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new HashMap<>(map == null ? Map.of() : map));
    }

    /**
     * The name in a language, falling back to German.
     *
     * @param lang de or en
     * @return the name
     */
    public String name(String lang) {
        return names.getOrDefault(lang, names.get("de"));
    }

    /**
     * The description in a language, falling back to German.
     *
     * @param lang de or en
     * @return the description, or null
     */
    public String description(String lang) {
        return descriptions.getOrDefault(lang, descriptions.get("de"));
    }

    /**
     * The attributes in a language, falling back to German.
     *
     * @param lang de or en
     * @return the attributes
     */
    public Map<String, String> attributes(String lang) {
        return attributes.getOrDefault(lang, attributes.getOrDefault("de", Map.of()));
    }
}
