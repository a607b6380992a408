package de.kundenpuls.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.CatalogImport;
import de.kundenpuls.server.catalog.CatalogSeed;
import de.kundenpuls.server.catalog.Product;
import de.kundenpuls.server.catalog.Store;
import de.kundenpuls.server.catalog.Vocabulary;
import de.kundenpuls.server.storage.Transaction;

/**
 * The embedded default's demo: four stores and, with {@code catalog.seed-demo}, 320 products
 * (brand × product line, valid GTINs) read from {@code demo-catalog.csv} through the same
 * {@link CatalogImport} that admins use, so the file is also a worked example of the format.
 */
public final class DemoCatalogSeed implements CatalogSeed {

    private static final Logger LOG = Logger.getLogger(DemoCatalogSeed.class.getName());
    private static final List<String> ALL_TOUCHPOINTS = List.copyOf(Vocabulary.TOUCHPOINTS.keySet());

    /** The demo stores; staff tokens and the demo accounts name the first two. */
    static final List<Store> STORES = List.of(
            new Store("berlin-mitte", "Kundenpuls Berlin Mitte", "Berlin", "Europe/Berlin", ALL_TOUCHPOINTS),
            new Store("hamburg-altona", "Kundenpuls Hamburg Altona", "Hamburg", "Europe/Berlin", ALL_TOUCHPOINTS),
            new Store("muenchen-schwabing", "Kundenpuls München Schwabing", "München", "Europe/Berlin", ALL_TOUCHPOINTS),
            new Store("wien-neubau", "Kundenpuls Wien Neubau", "Wien", "Europe/Vienna",
                    List.of("entrance", "shelf", "checkout", "service-desk", "app")));

    private final boolean products;

    /**
     * The demo stores, and the demo products if asked for.
     *
     * @param products whether to seed the 320 demo products too
     */
    public DemoCatalogSeed(boolean products) {
        this.products = products;
    }

    @Override
    public void seed(Catalog catalog, Transaction tx) {
        catalog.putStores(STORES, tx);
        if (!products) {
            return;
        }
        List<Product> list = CatalogImport.products(demoCsv(), catalog);
        catalog.putProducts(list, tx);
        LOG.info("Seeded the demo catalog: " + list.size() + " products in " + catalog.categories().size()
                + " categories, " + STORES.size() + " stores");
    }

    private static byte[] demoCsv() {
        try (InputStream in = Objects.requireNonNull(DemoCatalogSeed.class.getResourceAsStream("/demo-catalog.csv"),
                "demo-catalog.csv is missing from the embedded build")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
