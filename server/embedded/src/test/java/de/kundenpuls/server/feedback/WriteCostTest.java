package de.kundenpuls.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.DataFiles;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage rule of {@code storage/package-info.java}: the bytes a commit writes do not grow
 * with the number of stored answers. Housekeeping is off, so the data files only ever grow by
 * what commits append, and the growth per accepted batch is compared at 1,000 and at 60,000
 * stored answers, all into the same store-day (the case that used to rewrite the whole day).
 */
class WriteCostTest {

    private static final int BATCH = 50;
    private static final int MEASURED_BATCHES = 60;

    @TempDir
    Path dir;

    @Test
    void bytesWrittenPerBatchDoNotGrowWithStoredAnswers() {
        Map<String, String> settings = new java.util.HashMap<>(TestServer.BULK_CAPTURE);
        settings.putAll(Map.of("catalog.seed-demo", "true", "storage.housekeeping-interval-ms", "3600000"));
        try (TestServer server = TestServer.start(dir, settings)) {
            KundenpulsClient client = server.staff(Items.STORE);
            load(client, 1_000, 500);
            double early = bytesPerBatch(client);
            load(client, 59_000, 500);
            double late = bytesPerBatch(client);
            System.out.printf("WriteCostTest: %.0f bytes per batch at 1,000 answers, %.0f at 60,000%n", early, late);
            assertThat(late).as("bytes per batch of %d at 60,000 answers vs at 1,000 (%.0f vs %.0f)", BATCH, late, early)
                    .isLessThan(early * 1.5);
            // A bucket per store-day rewritten on every commit would write every stored answer again.
            assertThat(late).isLessThan(BATCH * 1_000);
        }
    }

    private double bytesPerBatch(KundenpulsClient client) {
        long before = DataFiles.size(dir);
        load(client, BATCH * MEASURED_BATCHES, BATCH);
        return (double) (DataFiles.size(dir) - before) / MEASURED_BATCHES;
    }

    private static void load(KundenpulsClient client, int answers, int batchSize) {
        Instant at = Instant.now().minusSeconds(120);
        for (int sent = 0; sent < answers; sent += batchSize) {
            List<FeedbackItem> items = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                int n = sent + i;
                items.add(Items.full(Items.STORE, n % 2 == 0 ? "checkout" : "entrance", at, 1 + n % 5, n % 11, null,
                        Map.of("staff", 1 + n % 5), n % 5 == 0 ? "Kommentar " + n : null, n % 3 == 0 ? Items.MILK : null, "till-" + UUID.randomUUID()));
            }
            BatchResult result = client.feedback().send(items);
            assertThat(result.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(BatchResult.Status.ACCEPTED));
        }
    }
}
