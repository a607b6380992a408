package de.kundenpuls.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import de.kundenpuls.model.catalog.ProductView;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;

/**
 * Analytics at chain scale: creates 50 stores, loads N answers (default 10,000,000) spread evenly
 * over the last two years, oldest day first, through the real {@code POST /api/feedback/batch},
 * then times over HTTP
 * <ul>
 *   <li>all stores × one year × week (the year-long trend of the dashboard), and</li>
 *   <li>one store × 28 days × day (a store manager's default view),</li>
 * </ul>
 * each 500 times in sequence after a warm-up, and prints median and p99. Run by
 * {@code bench/analytics/scores.sh}, which starts the server with a capture window of 800 days.
 */
public final class AnalyticsBench {

    private static final int STORES = 50;
    private static final String[] TOUCHPOINTS = {"entrance", "shelf", "fitting-room", "checkout", "service-desk"};
    private static final int DAYS = 730;

    private AnalyticsBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args base URL, [answers], [{@code load-only}: stores and answers, no timing;
     *             {@code query-only}: timing only, on a data directory loaded before]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        long total = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        KundenpulsClient client = KundenpulsClient.create(base);
        String mode = args.length > 2 ? args[2] : "";
        if (!mode.equals("query-only")) {
            loadStoresAndAnswers(client, base, total);
        }
        if (mode.equals("load-only")) {
            return;
        }

        KundenpulsClient marketer = client.withToken(client.dev().token("marketer", null).token());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String year = "/api/analytics/scores?granularity=week&from=" + today.minusDays(364) + "&to=" + today;
        String store = "/api/analytics/scores?granularity=day&storeId=filiale-07&from=" + today.minusDays(27) + "&to=" + today;
        time(marketer, "all stores x one year x week", year, 500);
        time(marketer, "one store x 28 days x day", store, 500);
        time(marketer, "all stores x two years x quarter", "/api/analytics/scores?granularity=quarter&from="
                + today.minusDays(DAYS - 1) + "&to=" + today, 200);
    }

    private static void loadStoresAndAnswers(KundenpulsClient client, String base, long total) throws Exception {
        KundenpulsClient admin = client.withToken(client.dev().token("admin", null).token());
        List<String> stores = new ArrayList<>();
        for (int i = 0; i < STORES; i++) {
            String id = String.format("filiale-%02d", i);
            admin.send("PUT", "/api/stores/" + id, Map.of("name", "Filiale " + i, "city", "Stadt " + i,
                    "timeZone", "Europe/Berlin", "touchpoints", List.of(TOUCHPOINTS)), StoreView.class);
            stores.add(id);
        }
        List<String> gtins = client.catalog().search(null, null, null, 0, "de").items().stream()
                .map(ProductView::gtin).map(g -> g.value()).toList();
        // Each store's tills send its answers (a kiosk identity per store, not linked to any
        // customer, as anonymous answers were); bench/lib/server.sh lifts the per-kiosk limits.
        Map<String, String> kiosks = new java.util.HashMap<>();
        for (String store : stores) {
            kiosks.put(store, client.dev().token("staff", store).token());
        }
        load(base, kiosks, total, stores, gtins);
    }

    private static void load(String base, Map<String, String> kiosks, long total, List<String> stores, List<String> gtins)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(base + "/api/feedback/batch");
        AtomicLong next = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        int batch = 500;
        Instant now = Instant.now();
        for (int c = 0; c < 8; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                long from;
                while ((from = next.getAndAdd(batch)) < total) {
                    // Oldest day first, as two years of real traffic would have arrived: a batch falls
                    // into one or two days, so a commit updates a few day cells, not hundreds.
                    long day = (DAYS - 1) - from * DAYS / total;
                    String store = stores.get((int) ((from / batch) % stores.size()));
                    String body = body(batch, store, gtins, now.minusSeconds(day * 86_400L));
                    try {
                        HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + kiosks.get(store))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (res.statusCode() != 200 || res.body().contains("REJECTED") || res.body().contains("rejected")) {
                            throw new IllegalStateException(res.statusCode() + " " + res.body().substring(0, Math.min(400, res.body().length())));
                        }
                        long done = acked.addAndGet(batch);
                        if (done % 1_000_000 == 0) {
                            System.out.printf("BENCH loaded %,d answers in %.0f s%n", done, (System.nanoTime() - t0) / 1e9);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH loaded %,d answers over %d days into %d stores in %.0f s = %,.0f answers/s%n", acked.get(), DAYS,
                stores.size(), seconds, acked.get() / seconds);
    }

    private static String body(int batch, String store, List<String> gtins, Instant dayEnd) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(batch * 220).append("{\"items\":[");
        for (int i = 0; i < batch; i++) {
            if (i > 0) {
                b.append(',');
            }
            Instant at = dayEnd.minusSeconds(600 + r.nextLong(86_400L - 600));
            b.append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"storeId\":\"").append(store)
                    .append("\",\"touchpoint\":\"").append(TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)])
                    .append("\",\"createdAt\":\"").append(at).append("\",\"rating\":").append(1 + r.nextInt(5))
                    .append(",\"nps\":").append(r.nextInt(11)).append(",\"ces\":").append(1 + r.nextInt(7))
                    .append(",\"dimensions\":{\"quality\":").append(1 + r.nextInt(5)).append(",\"staff\":").append(1 + r.nextInt(5))
                    .append('}');
            if (r.nextInt(3) == 0) {
                b.append(",\"gtin\":\"").append(gtins.get(r.nextInt(gtins.size()))).append('"');
            }
            if (r.nextInt(20) == 0) {
                b.append(",\"comment\":\"Kommentar ").append(r.nextInt(1_000_000)).append('"');
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }

    private static void time(KundenpulsClient client, String name, String path, int runs) {
        for (int i = 0; i < 50; i++) {
            client.exchange("GET", path, null, null);
        }
        long[] nanos = new long[runs];
        long count = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> res = client.exchange("GET", path, null, null);
            nanos[i] = System.nanoTime() - t0;
            if (res.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + res.statusCode());
            }
            if (i == 0) {
                String body = new String(res.body(), java.nio.charset.StandardCharsets.UTF_8);
                int at = body.indexOf("\"count\":");
                count = Long.parseLong(body.substring(at + 8, body.indexOf(',', at)));
            }
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH %s (%,d answers): median %.2f ms, p99 %.2f ms, max %.2f ms over %d requests%n", name, count,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99) - 1] / 1e6, nanos[runs - 1] / 1e6, runs);
    }
}
