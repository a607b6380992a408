package de.kundenpuls.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import de.kundenpuls.server.DataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The append-only list behind campaign recipients and the audit log: entries across many chunks
 * and pages survive a restart with their replacements, and an append writes the same bytes (its
 * tail chunk, about 2 KB) at 267,000 entries as at 3,000.
 */
class ChunkedListTest {

    @TempDir
    Path dir;

    /** The stored root of this test. */
    static final class Root {
        final ChunkedList<String> list = new ChunkedList<>();
    }

    @Test
    void entriesAndReplacementsSurviveARestartAndAppendsCostTheSameAtAnySize() {
        StorageSettings settings = new StorageSettings(dir, 1, Duration.ofHours(1), Duration.ofMillis(100));
        int total = (ChunkedList.CHUNK * ChunkedList.CHUNKS_PER_PAGE) + 5_000;
        double early;
        double late;
        try (Storage storage = Storage.open(settings, Root.class, Root::new)) {
            ChunkedList<String> list = storage.root(Root.class).list;
            append(storage, list, 0, 3_000);
            early = bytesPerAppend(storage, list);
            append(storage, list, list.size(), total);
            late = bytesPerAppend(storage, list);
            storage.writer().write(tx -> {
                list.set(7, "replaced-7", tx);
                list.set(total - 1, "replaced-last", tx);
                return null;
            });
        }
        System.out.printf("ChunkedListTest: %.0f bytes per append at 3,000 entries, %.0f at %,d%n", early, late, total);
        // At small sizes a measurement now and then comes out far lower (the data files shrink while
        // it runs), so the bound is absolute: one tail chunk of references plus the entry, never a page or
        // the directory (8 KB and more) and nothing that grows with the list.
        long chunkBytes = ChunkedList.CHUNK * 8L + 1_024;
        assertThat(early).isLessThan(chunkBytes);
        assertThat(late).as("bytes per append at %,d entries", total).isLessThan(chunkBytes);
        try (Storage storage = Storage.open(settings, Root.class, Root::new)) {
            ChunkedList<String> list = storage.root(Root.class).list;
            assertThat(list.size()).isEqualTo(total + 200);
            assertThat(list.get(7)).isEqualTo("replaced-7");
            assertThat(list.get(8)).isEqualTo("e8");
            assertThat(list.get(ChunkedList.CHUNK * ChunkedList.CHUNKS_PER_PAGE)).as("first entry of the second page")
                    .isEqualTo("e" + (ChunkedList.CHUNK * ChunkedList.CHUNKS_PER_PAGE));
            assertThat(list.get(total - 1)).isEqualTo("replaced-last");
            assertThatThrownBy(() -> list.get(list.size())).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    private static void append(Storage storage, ChunkedList<String> list, long from, long to) {
        for (long start = from; start < to; start += 10_000) {
            long first = start;
            storage.writer().write(tx -> {
                for (long i = first; i < Math.min(to, first + 10_000); i++) {
                    list.append("e" + i, tx);
                }
                return null;
            });
        }
    }

    /** 200 appends, one commit each (the measured entries are numbered past the others). */
    private double bytesPerAppend(Storage storage, ChunkedList<String> list) {
        long before = DataFiles.size(dir);
        for (int i = 0; i < 200; i++) {
            storage.writer().write(tx -> list.append("m" + list.size(), tx));
        }
        return (double) (DataFiles.size(dir) - before) / 200;
    }
}
