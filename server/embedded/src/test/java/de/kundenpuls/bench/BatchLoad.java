package de.kundenpuls.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;

/**
 * Sends N answers through the real batch API: batches of 500 from 4 clients, each batch from one
 * store's tills (a kiosk identity per store, not linked to any customer; bench/lib/server.sh lifts
 * the per-kiosk limits).
 */
final class BatchLoad {

    private static final int BATCH = 500;

    /** Makes the i-th answer of a store, from a random source seeded per batch. */
    interface Answer {
        FeedbackItem make(Random random, String store, int i);
    }

    private BatchLoad() {
    }

    /**
     * Sends the answers and waits until every batch is acknowledged.
     *
     * @param kiosks a signed-in client per store
     * @param stores the stores, taking turns batch by batch
     * @param n      answers in all
     * @param answer makes each answer
     * @return the seconds it took
     * @throws Exception when a batch fails
     */
    static double load(Map<String, KundenpulsClient> kiosks, String[] stores, int n, Answer answer) throws Exception {
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < n; from += BATCH) {
                int start = from;
                futures.add(pool.submit(() -> {
                    Random r = new Random(start);
                    String store = stores[(start / BATCH) % stores.length];
                    List<FeedbackItem> items = new ArrayList<>(BATCH);
                    for (int i = start; i < Math.min(n, start + BATCH); i++) {
                        items.add(answer.make(r, store, i));
                    }
                    kiosks.get(store).feedback().send(items);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
