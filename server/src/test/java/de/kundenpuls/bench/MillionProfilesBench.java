package de.kundenpuls.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;

/**
 * Heap, data-directory size and restart time with N profiles (default 1,000,000), on the real
 * storage code. Run by {@code bench/profile/million.sh}.
 */
public final class MillionProfilesBench {

    private MillionProfilesBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args [profiles] [directory]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("kundenpuls-million");
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        String[] stores = {"berlin-mitte", "hamburg-altona", "muenchen-schwabing", "wien-neubau"};
        String[] categories = {"dairy", "bakery", "beverages", "produce", "household", "cosmetics", "apparel", "electronics"};

        long t0 = System.nanoTime();
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            int batch = 20_000;
            for (int start = 0; start < n; start += batch) {
                int from = start;
                int to = Math.min(n, start + batch);
                storage.writer().write(tx -> {
                    for (int i = from; i < to; i++) {
                        String uid = "u" + i;
                        profiles.put(new Profile(uid,
                                new Contact("Kundin " + i, "kunde" + i + "@example.org", null, "10" + (i % 1000), "Berlin", "DE"),
                                stores[i % stores.length], i % 3 == 0 ? "en" : "de", "25-34",
                                Map.of("personalization", new Consent(true, now, "app"),
                                        "marketing_push", new Consent(i % 2 == 0, now, "app")),
                                List.of(new Device("fcm-" + i, i % 4 == 0 ? "ios" : "android", "de", now)),
                                Map.of(categories[i % categories.length], 0.4),
                                List.of(), now, now), tx);
                    }
                    return null;
                });
            }
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        long bytes = size(dir);

        System.gc();
        long heapBefore = usedHeap();
        long t1 = System.nanoTime();
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            double openSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            long count = profiles.count();
            double loadSeconds = (System.nanoTime() - t2) / 1e9;
            long t3 = System.nanoTime();
            long found = 0;
            for (int i = 0; i < 100_000; i++) {
                if (profiles.find("u" + (i * 7 % n)).isPresent()) {
                    found++;
                }
            }
            double lookupMicros = (System.nanoTime() - t3) / 1e3 / 100_000;
            System.gc();
            long heapAfter = usedHeap();
            System.out.printf("BENCH profiles=%d write_s=%.1f data_dir_mb=%.0f restart_open_s=%.2f full_load_s=%.2f "
                            + "heap_loaded_mb=%.0f bytes_per_profile_heap=%.0f lookup_us=%.2f found=%d%n",
                    count, writeSeconds, bytes / 1e6, openSeconds, loadSeconds, (heapAfter - heapBefore) / 1e6,
                    (double) (heapAfter - heapBefore) / count, lookupMicros, found);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
