package de.kundenpuls.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.privacy.PersonalDataExport;
import de.kundenpuls.server.DataFiles;

/**
 * Export and erasure of one customer on a server that already holds many answers (run after
 * {@code bench/analytics/scores.sh} on its data directory): 20 customers each give 5 answers with
 * comments; then each customer's export and erasure are timed over HTTP, and the data files are
 * searched every 5 s (UTF-8 and UTF-16), until no erased e-mail address is left in them.
 * Run by {@code bench/privacy/erasure.sh}.
 */
public final class PrivacyBench {

    private static final int CUSTOMERS = 20;

    private PrivacyBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args base URL, data directory
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        KundenpulsClient client = KundenpulsClient.create(args[0]);
        Path data = Path.of(args[1]);
        List<KundenpulsClient> customers = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            KundenpulsClient me = client.withToken(client.dev().token("shopper", null).token());
            String email = "erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            me.me().patch(Map.of("contact", Map.of("name", "Kundin " + c, "email", email)));
            me.me().consents(Map.of("contact", true, "personalization", true));
            List<FeedbackItem> items = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", Instant.now().minusSeconds(3600 - i * 60L),
                        1 + i % 5, null, null, Map.of(), "Kommentar von " + email, null, null, null, null, null));
            }
            me.feedback().send(items);
            customers.add(me);
            emails.add(email);
        }
        long[] exports = new long[CUSTOMERS];
        long[] erasures = new long[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            long t0 = System.nanoTime();
            PersonalDataExport export = customers.get(c).me().export();
            exports[c] = System.nanoTime() - t0;
            if (!emails.get(c).equals(export.profile().contact().email()) || export.feedback() == null
                    || export.feedback().answers().stream().noneMatch(a -> String.valueOf(a.comment()).startsWith("Kommentar von"))) {
                throw new IllegalStateException("the export lacks the customer's data");
            }
        }
        // Meanwhile a kiosk keeps answering: how long does a write wait while erased data is reclaimed?
        java.util.concurrent.atomic.AtomicLong worstWrite = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong failedWrites = new java.util.concurrent.atomic.AtomicLong();
        KundenpulsClient kiosk = client.withToken(client.dev().token("staff", "hamburg-altona").token());
        Thread writes = Thread.ofPlatform().start(() -> {
            while (watching.get()) {
                long w0 = System.nanoTime();
                try {
                    kiosk.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "hamburg-altona", "entrance",
                            Instant.now().minusSeconds(5), 4, null, null, Map.of(), null, null, null, null, null,
                            "till-" + UUID.randomUUID())));
                } catch (RuntimeException e) {
                    failedWrites.incrementAndGet();
                }
                worstWrite.accumulateAndGet(System.nanoTime() - w0, Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (int c = 0; c < CUSTOMERS; c++) {
            long t0 = System.nanoTime();
            customers.get(c).me().delete();
            erasures[c] = System.nanoTime() - t0;
        }
        Arrays.sort(exports);
        Arrays.sort(erasures);
        System.out.printf("BENCH export of one customer: median %.1f ms, max %.1f ms (%d customers)%n", exports[CUSTOMERS / 2] / 1e6,
                exports[CUSTOMERS - 1] / 1e6, CUSTOMERS);
        System.out.printf("BENCH erasure of one customer: median %.1f ms, max %.1f ms (%d customers)%n", erasures[CUSTOMERS / 2] / 1e6,
                erasures[CUSTOMERS - 1] / 1e6, CUSTOMERS);
        long t0 = System.nanoTime();
        while (true) {
            long left = emails.stream().filter(e -> DataFiles.contain(data, e)).count();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (left == 0) {
                System.out.printf("BENCH erased e-mail addresses gone from the data files after %.0f s%n", seconds);
                break;
            }
            if (seconds > 600) {
                System.out.printf("BENCH %d of %d erased e-mail addresses still in the data files after %.0f s%n", left, CUSTOMERS,
                        seconds);
                break;
            }
            Thread.sleep(5_000);
        }
        watching.set(false);
        writes.join();
        System.out.printf("BENCH longest write (one answer every 200 ms) during erasure and reclaim: %.0f ms, %d failed%n",
                worstWrite.get() / 1e6, failedWrites.get());
    }
}
