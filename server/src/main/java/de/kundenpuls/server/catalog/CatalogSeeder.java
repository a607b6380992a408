package de.kundenpuls.server.catalog;

import java.util.logging.Logger;

import de.kundenpuls.server.storage.StorageWriter;

/** Seeds the demo catalog into an empty data directory, once, in one commit. */
public final class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class.getName());

    private CatalogSeeder() {
    }

    /**
     * Seeds the demo catalog when the catalog is empty; later starts leave it alone.
     *
     * @param catalog the catalog
     * @param writer  the storage writer
     * @param demo    whether to seed products (stores, categories and touchpoints are always seeded)
     */
    public static void seedIfEmpty(Catalog catalog, StorageWriter writer, boolean demo) {
        if (!catalog.stores().isEmpty()) {
            return;
        }
        int products = writer.write(tx -> {
            if (!catalog.stores().isEmpty()) {
                return 0;
            }
            catalog.putNames(DemoCatalog.categories(), DemoCatalog.TOUCHPOINTS, tx);
            catalog.putStores(DemoCatalog.stores(), tx);
            if (demo) {
                var list = DemoCatalog.products();
                catalog.putProducts(list, tx);
                return list.size();
            }
            return 0;
        });
        if (products > 0) {
            LOG.info("Seeded the demo catalog: " + products + " products in " + catalog.categories().size()
                    + " categories, " + catalog.stores().size() + " stores");
        }
    }
}
