package de.kundenpuls.bench;

import java.nio.file.Path;

import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;

/**
 * For {@code bench/profile/ten-million.sh}: opens a data directory and runs the housekeeping a
 * live server does over hours (storage garbage collection and a strict file check) in one go, so
 * that a restart can be measured on a directory that holds live data only, not the superseded
 * versions a bulk load leaves behind.
 */
public final class Compact {

    private Compact() {
    }

    /**
     * Compacts.
     *
     * @param args the data directory
     * @throws Exception when the housekeeping fails
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (Storage storage = Storage.open(StorageSettings.of(Path.of(args[0])), StoredRoot.class, StoredRoot::new)) {
            long opened = System.nanoTime();
            storage.reclaimErasedData().get();
            System.out.printf("BENCH compacted: open %.1f s, housekeeping %.1f s%n", (opened - t0) / 1e9,
                    (System.nanoTime() - opened) / 1e9);
        }
    }
}
