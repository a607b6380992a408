package de.kundenpuls.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feedback ingest over HTTP: C clients post batches of B answers to {@code POST /api/feedback/batch}
 * as fast as the server acknowledges them, until N answers are acknowledged. Every answer has a
 * new id and today's time; they go either all into one store and touchpoint (one store-day that
 * grows to N) or round-robin over four stores. Prints the acknowledged rate per 5 s window, and
 * the rates over the first and the last quarter of the answers. Run by {@code bench/feedback/ingest.sh}, which starts the server.
 */
public final class IngestBench {

    private static final String[] STORES = {"berlin-mitte", "hamburg-altona", "muenchen-schwabing", "wien-neubau"};
    private static final String[] TOUCHPOINTS = {"entrance", "shelf", "checkout", "service-desk"};

    private IngestBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args base URL, answers, clients, batch size, {@code one-store-day} or {@code four-stores}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        long total = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        boolean oneStoreDay = args[4].equals("one-store-day");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(base + "/api/feedback/batch");
        // Each batch comes from one store's tills (a kiosk identity per store, not linked to any
        // customer); bench/lib/server.sh lifts the per-kiosk limits, since 20 clients stand for the
        // thousands of senders of a chain.
        de.kundenpuls.model.client.KundenpulsClient dev = de.kundenpuls.model.client.KundenpulsClient.create(base);
        java.util.Map<String, String> kiosks = new java.util.HashMap<>();
        for (String store : STORES) {
            kiosks.put(store, dev.dev().token("staff", store).token());
        }
        AtomicLong acked = new AtomicLong();
        // When the first and the last quarter of the answers began and ended: comparing their rates
        // shows whether ingest slows down as the store-day fills.
        long[] quarterMarks = new long[5];
        AtomicLong failed = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        quarterMarks[0] = t0;
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("ingest-" + c).start(() -> {
                long n = 0;
                while (!done.get()) {
                    String store = oneStoreDay ? STORES[0] : STORES[(int) ((n + client) % STORES.length)];
                    String body = body(batch, store, oneStoreDay, n++);
                    HttpRequest req = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + kiosks.get(store))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (res.statusCode() == 200 && !res.body().contains("\"rejected\"") && !res.body().contains("\"REJECTED\"")) {
                            long now = acked.addAndGet(batch);
                            synchronized (quarterMarks) {
                                for (int q = 1; q <= 4; q++) {
                                    if (quarterMarks[q] == 0 && now >= total * q / 4) {
                                        quarterMarks[q] = System.nanoTime();
                                    }
                                }
                            }
                            if (now >= total) {
                                done.set(true);
                            }
                        } else {
                            failed.incrementAndGet();
                            if (failed.get() < 3) {
                                System.err.println("BENCH unexpected answer " + res.statusCode() + " " + res.body().substring(0,
                                        Math.min(300, res.body().length())));
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        List<Long> windows = new ArrayList<>();
        long last = 0;
        while (!done.get()) {
            Thread.sleep(5_000);
            long now = acked.get();
            windows.add(now - last);
            last = now;
            System.out.printf("BENCH window %d: %,d answers/s (total %,d)%n", windows.size(), windows.get(windows.size() - 1) / 5,
                    now);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double quarter = total / 4.0;
        double firstRate = quarter / ((quarterMarks[1] - quarterMarks[0]) / 1e9);
        double lastRate = quarter / ((quarterMarks[4] - quarterMarks[3]) / 1e9);
        System.out.printf("BENCH ingest %s clients=%d batch=%d acknowledged=%,d failed_requests=%d in %.1f s = %,.0f answers/s;"
                        + " first quarter of the answers %,.0f/s, last quarter %,.0f/s, ratio %.2f%n",
                oneStoreDay ? "one-store-day" : "four-stores", clients, batch, acked.get(), failed.get(), seconds,
                acked.get() / seconds, firstRate, lastRate, lastRate / firstRate);
    }

    private static String body(int batch, String store, boolean oneStoreDay, long n) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String at = Instant.now().minusSeconds(30).toString();
        StringBuilder b = new StringBuilder(batch * 200).append("{\"items\":[");
        for (int i = 0; i < batch; i++) {
            String touchpoint = oneStoreDay ? "checkout" : TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)];
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"storeId\":\"").append(store)
                    .append("\",\"touchpoint\":\"").append(touchpoint).append("\",\"createdAt\":\"").append(at)
                    .append("\",\"rating\":").append(1 + r.nextInt(5)).append(",\"nps\":").append(r.nextInt(11))
                    .append(",\"dimensions\":{\"staff\":").append(1 + r.nextInt(5)).append('}');
            if (r.nextInt(10) == 0) {
                b.append(",\"comment\":\"Kommentar ").append(r.nextInt(100_000)).append('"');
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }
}
