package de.kundenpuls.app.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kundenpuls.app.storage.LocalFiles;
import de.kundenpuls.model.catalog.ProductPage;
import de.kundenpuls.model.catalog.ProductView;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;

/**
 * The stores and the chosen store's catalog, kept on the device so that lookup and rating work on
 * weak store Wi-Fi. Each part is a server response stored with its {@code ETag}; a refresh asks
 * with {@code If-None-Match}, so an unchanged catalog costs one small 304 per page. Files are
 * written atomically: a refresh cut off half-way leaves the previous copy.
 */
public final class OfflineCatalog {

    private static final ObjectMapper JSON = KundenpulsClient.mapper();
    /** The server's largest page. */
    private static final int PAGE = 100;

    private final Path dir;
    private volatile int notModified;

    /**
     * @param dataDir the app's private directory
     */
    public OfflineCatalog(Path dataDir) {
        this.dir = LocalFiles.directory(dataDir.resolve("catalog"));
    }

    /**
     * Fetches what changed since the last refresh: the stores, and the products in stock in a store.
     *
     * @param client  an anonymous client
     * @param storeId the store the shopper is in
     * @param lang    the shopper's language
     */
    public void refresh(KundenpulsClient client, String storeId, String lang) {
        fetch(client, "/api/stores", "stores");
        List<String> pages = new ArrayList<>();
        for (int page = 0; ; page++) {
            String name = "products-" + storeId + "-" + lang + "-" + page;
            byte[] body = fetch(client, "/api/products?storeId=" + storeId + "&size=" + PAGE + "&page=" + page + "&lang=" + lang, name);
            pages.add(name);
            ProductPage p = read(body, ProductPage.class);
            if ((long) (page + 1) * PAGE >= p.total()) {
                break;
            }
        }
        LocalFiles.writeAtomically(dir.resolve("products-" + storeId + "-" + lang + ".pages"),
                String.join("\n", pages).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the stores as last fetched, or empty when never fetched */
    public List<StoreView> stores() {
        return stored("stores").map(b -> read(b, new TypeReference<List<StoreView>>() { })).orElse(List.of());
    }

    /**
     * A product from the kept catalog of a store.
     *
     * @param storeId the store
     * @param lang    the language
     * @param gtin    the code
     * @return the product, when the store had it in stock at the last refresh
     */
    public Optional<ProductView> product(String storeId, String lang, String gtin) {
        Path index = dir.resolve("products-" + storeId + "-" + lang + ".pages");
        if (!Files.exists(index)) {
            return Optional.empty();
        }
        try {
            for (String page : Files.readAllLines(index)) {
                Optional<ProductView> found = stored(page).map(b -> read(b, ProductPage.class)).stream()
                        .flatMap(p -> p.items().stream()).filter(p -> p.gtin().value().equals(gtin)).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** @return how many fetches the server answered with 304 since the app started */
    public int notModified() {
        return notModified;
    }

    private byte[] fetch(KundenpulsClient client, String path, String name) {
        Path etagFile = dir.resolve(name + ".etag");
        Optional<byte[]> kept = stored(name);
        String etag = null;
        try {
            etag = kept.isPresent() && Files.exists(etagFile) ? Files.readString(etagFile).strip() : null;
        } catch (IOException e) {
            etag = null;
        }
        HttpResponse<byte[]> response = client.getIfChanged(path, etag);
        if (response.statusCode() == 304 && kept.isPresent()) {
            notModified++;
            return kept.get();
        }
        LocalFiles.writeAtomically(dir.resolve(name + ".json"), response.body());
        response.headers().firstValue("ETag").ifPresent(t ->
                LocalFiles.writeAtomically(etagFile, t.getBytes(StandardCharsets.UTF_8)));
        return response.body();
    }

    private Optional<byte[]> stored(String name) {
        Path f = dir.resolve(name + ".json");
        try {
            return Files.exists(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
