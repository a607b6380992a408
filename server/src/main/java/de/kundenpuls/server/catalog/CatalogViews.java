package de.kundenpuls.server.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.catalog.ProductView;

/** Turns stored catalog entries into API views in one language. */
final class CatalogViews {

    private CatalogViews() {
    }

    static ProductView product(Product p, String lang) {
        List<ProductView.StockLevel> stock = new ArrayList<>();
        p.stock().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> stock.add(new ProductView.StockLevel(e.getKey(), e.getValue())));
        return new ProductView(p.gtin(), p.name(lang), p.names(), p.brand(), p.category(), p.price(), p.description(lang),
                p.descriptions(), p.attributes(lang), stock);
    }

    static String localized(Map<String, String> names, String lang) {
        return names.getOrDefault(lang, names.get("de"));
    }
}
