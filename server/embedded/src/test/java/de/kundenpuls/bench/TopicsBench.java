package de.kundenpuls.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.analytics.TopicReport;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;

/**
 * Loads N commented answers (default 1,000,000) over the last 28 days into a running server
 * through the real batch API, then times the topics query over HTTP. Run by
 * {@code bench/analytics/topics.sh}, which starts the server.
 */
public final class TopicsBench {

    private static final String[] STORES = {"berlin-mitte", "hamburg-altona", "muenchen-schwabing", "wien-neubau"};
    private static final String[] TOUCHPOINTS = {"entrance", "shelf", "checkout", "service-desk", "app"};
    private static final String[] UNHAPPY = {"Lange Schlange an der Kasse", "Kein Parkplatz gefunden", "Das Regal war leer",
        "Die Kassiererin war nicht freundlich", "Preis am Regal stimmte nicht", "Die Milch war sauer", "Kartenzahlung ging nicht",
        "Long queue at the checkout", "The car park was full", "Umtausch wurde abgelehnt", "Die App stürzt beim Scannen ab",
        "Niemand an der Servicetheke"};
    private static final String[] HAPPY = {"Sehr freundliche Beratung", "Alles gefunden, gut sortiert", "Ging schnell an der Kasse",
        "Frische Ware, gute Auswahl", "Friendly staff, thank you", "Scannen geht super schnell", "Saubere Umkleiden",
        "Tolle Angebote in der App", "Quick and easy exchange", "Schön hell und aufgeräumt"};
    private static final String[] EXTRA = {"", " heute", " am Samstag", " schon wieder", " wie immer", " leider", " wirklich",
        " again", " today", " mit den Kindern"};

    private TopicsBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args base URL, [commented answers]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        KundenpulsClient client = KundenpulsClient.create(base);
        Map<String, KundenpulsClient> kiosks = new HashMap<>();
        for (String store : STORES) {
            kiosks.put(store, client.withToken(client.dev().token("staff", store).token()));
        }
        Instant now = Instant.now();
        double loadSeconds = BatchLoad.load(kiosks, STORES, n, (r, store, i) -> {
            int rating = 1 + r.nextInt(5);
            String text = (rating <= 2 ? UNHAPPY[r.nextInt(UNHAPPY.length)] : HAPPY[r.nextInt(HAPPY.length)])
                    + EXTRA[r.nextInt(EXTRA.length)] + ".";
            return new FeedbackItem(UUID.randomUUID(), store, TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)],
                    now.minusSeconds(60 + r.nextInt(27 * 86_400)), rating, r.nextInt(11), null, Map.of(), text, null, null, null,
                    null, null);
        });
        System.out.printf("BENCH loaded commented answers=%d seconds=%.0f rate=%.0f/s%n", n, loadSeconds, n / loadSeconds);

        KundenpulsClient marketer = client.withToken(client.dev().token("marketer", null).token());
        String week = java.time.LocalDate.now().minusDays(6).toString();
        time(marketer, "all stores, 28 days", "lang=de");
        time(marketer, "one store, 28 days", "lang=de&storeId=muenchen-schwabing");
        time(marketer, "one store and touchpoint, 7 days", "lang=de&storeId=berlin-mitte&touchpoint=checkout&from=" + week);
        time(marketer, "all stores, 28 days, English", "lang=en");
    }

    private static void time(KundenpulsClient marketer, String what, String query) {
        long[] took = new long[200];
        TopicReport last = null;
        for (int i = -20; i < took.length; i++) {
            long q0 = System.nanoTime();
            last = marketer.get("/api/analytics/topics?" + query, TopicReport.class);
            if (i >= 0) {
                took[i] = System.nanoTime() - q0;
            }
        }
        Arrays.sort(took);
        System.out.printf("BENCH topics (%s) comments=%d top=%s p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", what, last.count(),
                last.painPoints().isEmpty() ? "-" : last.painPoints().get(0).label(), took[99] / 1e6, took[197] / 1e6,
                took[199] / 1e6);
    }
}
