package de.kundenpuls.server.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.kundenpuls.server.storage.Transaction;

/**
 * The stored catalog: products by GTIN, stores, and the localized names of categories and
 * touchpoints. A few thousand products fit one map; an import stores the map once per commit.
 */
public final class Catalog {

    private final ConcurrentHashMap<String, Product> products = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Store> stores = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, String>> categories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, String>> touchpoints = new ConcurrentHashMap<>();

    /**
     * A product by GTIN digits.
     *
     * @param gtin the digits
     * @return the product, if any
     */
    public Optional<Product> product(String gtin) {
        return Optional.ofNullable(products.get(gtin));
    }

    /** All products (a live view; values are immutable). */
    public Collection<Product> products() {
        return products.values();
    }

    /**
     * A store by id.
     *
     * @param id the store id
     * @return the store, if any
     */
    public Optional<Store> store(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(stores.get(id));
    }

    /** All stores, sorted by id. */
    public List<Store> stores() {
        return stores.values().stream().sorted(java.util.Comparator.comparing(Store::id)).toList();
    }

    /** Category id → name per language. */
    public Map<String, Map<String, String>> categories() {
        return categories;
    }

    /** Touchpoint id → name per language. */
    public Map<String, Map<String, String>> touchpoints() {
        return touchpoints;
    }

    /** Whether nothing has been stored yet. */
    public boolean isEmpty() {
        return products.isEmpty() && stores.isEmpty();
    }

    /**
     * Adds or replaces products. Writer thread only.
     *
     * @param batch the products
     * @param tx    the transaction
     */
    public void putProducts(Collection<Product> batch, Transaction tx) {
        if (batch.isEmpty()) {
            return;
        }
        for (Product p : batch) {
            products.put(p.gtin().value(), p);
        }
        tx.store(products);
    }

    /**
     * Adds or replaces stores. Writer thread only.
     *
     * @param batch the stores
     * @param tx    the transaction
     */
    public void putStores(Collection<Store> batch, Transaction tx) {
        for (Store s : batch) {
            stores.put(s.id(), s);
        }
        tx.store(stores);
    }

    /**
     * Sets category and touchpoint names. Writer thread only.
     *
     * @param categoryNames   id → names
     * @param touchpointNames id → names
     * @param tx              the transaction
     */
    public void putNames(Map<String, Map<String, String>> categoryNames, Map<String, Map<String, String>> touchpointNames,
                         Transaction tx) {
        categoryNames.forEach((id, names) -> categories.put(id, new java.util.HashMap<>(names)));
        touchpointNames.forEach((id, names) -> touchpoints.put(id, new java.util.HashMap<>(names)));
        tx.store(categories, touchpoints);
    }
}
