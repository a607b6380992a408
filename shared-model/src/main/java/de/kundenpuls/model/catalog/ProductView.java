package de.kundenpuls.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.Money;

/**
 * A product as the API shows it, in the caller's language.
 *
 * @param gtin         the barcode number
 * @param name         name in the requested language
 * @param names        name per language ({@code de}, {@code en})
 * @param brand        brand
 * @param category     category id, e.g. {@code dairy}
 * @param price        shelf price
 * @param description  description in the requested language
 * @param descriptions description per language
 * @param attributes   comparison attributes, e.g. {@code {"Inhalt":"1 l","Fettgehalt":"3,5 %"}}, in the requested language
 * @param stock        units in stock per store
 */
public record ProductView(Gtin gtin, String name, Map<String, String> names, String brand, String category, Money price,
                          String description, Map<String, String> descriptions, Map<String, String> attributes,
                          List<StockLevel> stock) {

    /** Copies the collections. */
    public ProductView {
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names == null ? Map.of() : names));
        descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions == null ? Map.of() : descriptions));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
        stock = Collections.unmodifiableList(new ArrayList<>(stock == null ? List.of() : stock));
    }

    /**
     * Units in stock in one store.
     *
     * @param storeId  the store
     * @param quantity units on hand
     */
    public record StockLevel(String storeId, int quantity) {
    }
}
