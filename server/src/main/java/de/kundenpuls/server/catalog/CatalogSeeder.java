package de.kundenpuls.server.catalog;

import de.kundenpuls.server.storage.StorageWriter;

/**
 * What a new data directory starts with: the {@link Vocabulary} of touchpoints and categories,
 * then whatever the start adds (the embedded default's demo stores and products).
 */
public final class CatalogSeeder {

    private CatalogSeeder() {
    }

    /**
     * Seeds an empty catalog, once, in one commit; later starts leave it alone.
     *
     * @param catalog the catalog
     * @param writer  the storage writer
     * @param extra   more to seed into the same commit, e.g. demo stores and products
     */
    public static void seedIfEmpty(Catalog catalog, StorageWriter writer, CatalogSeed extra) {
        if (!catalog.touchpoints().isEmpty()) {
            return;
        }
        writer.write(tx -> {
            if (!catalog.touchpoints().isEmpty()) {
                return null;
            }
            catalog.putNames(Vocabulary.CATEGORIES, Vocabulary.TOUCHPOINTS, tx);
            extra.seed(catalog, tx);
            return null;
        });
    }
}
