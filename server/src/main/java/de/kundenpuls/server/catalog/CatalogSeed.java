package de.kundenpuls.server.catalog;

import de.kundenpuls.server.storage.Transaction;

/** Stores and products written into a new data directory, in the commit that seeds its vocabulary. */
@FunctionalInterface
public interface CatalogSeed {

    /** Nothing: a production data directory starts with no stores and no products. */
    CatalogSeed NONE = (catalog, tx) -> {
    };

    /**
     * Seeds a catalog that holds only the vocabulary so far.
     *
     * @param catalog the catalog
     * @param tx      the seeding commit
     */
    void seed(Catalog catalog, Transaction tx);
}
