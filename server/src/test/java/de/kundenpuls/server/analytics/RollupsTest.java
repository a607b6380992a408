package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roll-ups on a real data directory: a start loads no year of cells (they are behind
 * {@code Lazy}), a query loads the years it reads and no other, and the sums survive the restart.
 */
class RollupsTest {

    private static final LocalDate DAY = LocalDate.parse("2025-03-10");

    @TempDir
    Path dir;

    @Test
    void aStartLoadsNoCellsAndAQueryOnlyTheYearsItReads() {
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Rollups rollups = storage.root(StoredRoot.class).rollups();
            storage.writer().write(tx -> {
                for (String store : new String[] {"a", "b"}) {
                    rollups.add(store, DAY, "checkout", "dairy", ScoreCounts.of(5, 10, null, Map.of()), null, tx);
                    rollups.add(store, DAY.minusYears(1), "checkout", null, ScoreCounts.of(2, 3, null, Map.of()), null, tx);
                }
                return null;
            });
            assertThat(rollups.loadedYears()).isEqualTo(2 * 2 * 3);
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Rollups rollups = storage.root(StoredRoot.class).rollups();
            assertThat(rollups.loadedYears()).as("years of cells loaded by the start").isZero();

            Rollups.Cell march = rollups.cell("a", Rollups.Level.MONTH, DAY);

            assertThat(rollups.loadedYears()).as("only store a's months of 2025").isEqualTo(1);
            assertThat(march.counts("checkout|dairy").satisfied()).isEqualTo(1);
            assertThat(march.counts("*|*").promoters()).isEqualTo(1);
            assertThat(rollups.cell("b", Rollups.Level.DAY, DAY.minusYears(1)).counts("checkout|").detractors()).isEqualTo(1);
            assertThat(rollups.loadedYears()).isEqualTo(2);
        }
    }
}
