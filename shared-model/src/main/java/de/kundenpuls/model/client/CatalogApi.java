package de.kundenpuls.model.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.model.catalog.CategoryView;
import de.kundenpuls.model.catalog.ImportReport;
import de.kundenpuls.model.catalog.ProductPage;
import de.kundenpuls.model.catalog.ProductView;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.catalog.TouchpointView;

/** Products, stores, touchpoints and the catalog import. */
public final class CatalogApi {

    private final KundenpulsClient client;

    CatalogApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * Looks up a product.
     *
     * @param gtin the scanned or typed code
     * @param lang {@code de} or {@code en}
     * @return the product
     */
    public ProductView product(String gtin, String lang) {
        return client.get("/api/products/" + encode(gtin) + "?lang=" + encode(lang), ProductView.class);
    }

    /**
     * Searches products.
     *
     * @param query    text in name, brand or GTIN, or null
     * @param category category id, or null
     * @param storeId  only products in stock there, or null
     * @param page     page number from 0
     * @param lang     de or en
     * @return the page
     */
    public ProductPage search(String query, String category, String storeId, int page, String lang) {
        StringBuilder path = new StringBuilder("/api/products?page=").append(page).append("&lang=").append(encode(lang));
        if (query != null) {
            path.append("&q=").append(encode(query));
        }
        if (category != null) {
            path.append("&category=").append(encode(category));
        }
        if (storeId != null) {
            path.append("&storeId=").append(encode(storeId));
        }
        return client.get(path.toString(), ProductPage.class);
    }

    /** All stores. */
    public List<StoreView> stores() {
        return client.get("/api/stores", new TypeReference<List<StoreView>>() { });
    }

    /**
     * The touchpoints of a store.
     *
     * @param storeId the store
     * @param lang    de or en
     * @return its touchpoints
     */
    public List<TouchpointView> touchpoints(String storeId, String lang) {
        return client.get("/api/stores/" + encode(storeId) + "/touchpoints?lang=" + encode(lang),
                new TypeReference<List<TouchpointView>>() { });
    }

    /**
     * All categories.
     *
     * @param lang de or en
     * @return the categories
     */
    public List<CategoryView> categories(String lang) {
        return client.get("/api/categories?lang=" + encode(lang), new TypeReference<List<CategoryView>>() { });
    }

    /**
     * Imports a catalog CSV (admins).
     *
     * @param csv the file content
     * @return which rows were stored and which were rejected
     */
    public ImportReport importCsv(String csv) {
        return client.sendBytes("POST", "/api/products/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
                ImportReport.class);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
