package de.kundenpuls.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.firebase.FirebaseApp;
import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.model.contact.ContactBudgetRule;
import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.campaign.AudienceRules;
import de.kundenpuls.server.campaign.Campaign;
import de.kundenpuls.server.campaign.CampaignSender;
import de.kundenpuls.server.campaign.CampaignStore;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.contact.ContactBudget;
import de.kundenpuls.server.catalog.CatalogSeeder;
import de.kundenpuls.server.google.FirebaseWiring;
import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.server.offer.OfferService;
import de.kundenpuls.server.offer.OfferStore;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.push.FcmPushGateway;
import de.kundenpuls.server.push.PushMessage;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;

/**
 * Campaign benchmarks on the real code: audience evaluation over N profiles (default 1,000,000),
 * and the end-to-end send rate of a campaign to M recipients (default 100,000) through the real
 * storage, sender, Firebase Admin SDK and FCM stand-in, next to the rate at which the stand-in
 * accepts messages from the same SDK when nothing else runs. Run by {@code bench/campaign/campaign.sh}.
 */
public final class CampaignBench {

    private CampaignBench() {
    }

    /**
     * Runs both benchmarks.
     *
     * @param args [audienceProfiles] [recipients]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int audienceProfiles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        audience(audienceProfiles);
        send(recipients);
        System.exit(0);
    }

    private static Profile profile(int i, Instant now) {
        String[] stores = {"berlin-mitte", "hamburg-altona", "muenchen-schwabing", "wien-neubau"};
        String[] categories = {"dairy", "bakery", "beverages", "produce", "household", "cosmetics", "apparel", "shoes"};
        return new Profile("u" + i, new Contact("Kim " + i, null, null, null, null, null), stores[i % 4], i % 3 == 0 ? "en" : "de",
                null, Map.of("marketing_push", new Consent(i % 5 != 0, now, "app")),
                List.of(new Device("fcm-" + i, i % 4 == 0 ? "ios" : "android", "de", now)),
                Map.of(categories[i % 8], (i % 10) / 10.0), List.of(), now, now);
    }

    private static void audience(int n) throws Exception {
        Path dir = Files.createTempDirectory("kundenpuls-audience");
        Instant now = Instant.now();
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            CampaignStore campaigns = storage.root(StoredRoot.class).campaigns();
            for (int from = 0; from < n; from += 50_000) {
                int start = from;
                storage.writer().write(tx -> {
                    for (int i = start; i < Math.min(n, start + 50_000); i++) {
                        profiles.put(profile(i, now), tx);
                    }
                    return null;
                });
            }
            AudienceRules rules = new AudienceRules();
            Map<String, CampaignDefinition.Audience> cases = Map.of(
                    "everyone", new CampaignDefinition.Audience(null, null, null, null, null, null, null, null),
                    "store+locale+platform", new CampaignDefinition.Audience(List.of("berlin-mitte", "wien-neubau"), List.of("de"),
                            List.of("android"), null, null, null, null, null),
                    "category affinity >= 0.5", new CampaignDefinition.Audience(null, null, null, "dairy", 0.5, null, null, null));
            for (var e : cases.entrySet()) {
                long[] times = new long[7];
                int size = 0;
                for (int run = 0; run < times.length; run++) {
                    long t0 = System.nanoTime();
                    size = rules.evaluate(e.getValue(), profiles, now).size();
                    times[run] = System.nanoTime() - t0;
                }
                Arrays.sort(times);
                System.out.printf("BENCH audience profiles=%d rule=\"%s\" matched=%d median_ms=%.0f min_ms=%.0f max_ms=%.0f%n", n,
                        e.getKey(), size, times[3] / 1e6, times[0] / 1e6, times[6] / 1e6);
            }
        }
    }

    private static void send(int n) throws Exception {
        Path dir = Files.createTempDirectory("kundenpuls-send");
        Instant now = Instant.now();
        try (GoogleStandIn standIn = GoogleStandIn.start(0, Map::of)) {
            FirebaseApp app = FirebaseWiring.standIn("bench", standIn.url(), standIn.url());
            try (FcmPushGateway gateway = FcmPushGateway.withDefaults(app)) {
                // The stand-in's own rate, through the same SDK, nothing else running.
                List<PushMessage> direct = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    direct.add(new PushMessage("direct-" + i, "T", "B", Map.of()));
                }
                gateway.send(direct.subList(0, Math.min(n, 5_000)));
                standIn.reset();
                long t0 = System.nanoTime();
                gateway.send(direct);
                double standInRate = n / ((System.nanoTime() - t0) / 1e9);
                standIn.reset();

                try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
                    Profiles profiles = storage.root(StoredRoot.class).profiles();
                    Catalog catalog = storage.root(StoredRoot.class).catalog();
                    CatalogSeeder.seedIfEmpty(catalog, storage.writer(), new de.kundenpuls.embedded.DemoCatalogSeed(false));
                    CampaignStore campaigns = storage.root(StoredRoot.class).campaigns();
                    OfferStore offers = storage.root(StoredRoot.class).offers();
                    for (int from = 0; from < n; from += 50_000) {
                        int start = from;
                        storage.writer().write(tx -> {
                            for (int i = start; i < Math.min(n, start + 50_000); i++) {
                                Profile p = profile(i, now);
                                profiles.put(p.withConsents(Map.of("marketing_push", new Consent(true, now, "app")), now), tx);
                            }
                            return null;
                        });
                    }
                    CampaignDefinition d = new CampaignDefinition("Bench", null, List.of(new CampaignDefinition.Variant("A", "de",
                            "Hallo {firstName}", "Neu in {store}", null)), null, null, null, null);
                    Campaign c = new Campaign("bench", d, "sending", now, "bench", now, null);
                    long t1 = System.nanoTime();
                    storage.writer().write(tx -> {
                        campaigns.put(c, tx);
                        return null;
                    });
                    OfferService offerService = new OfferService(null, offers, profiles, catalog, storage.writer(), Clock.systemUTC());
                    try (CampaignSender sender = new CampaignSender(campaigns, profiles, catalog, offers, offerService,
                            new AudienceRules(), Optional.of(gateway), storage.writer(), Clock.systemUTC(), 500,
                            Optional.empty(), Optional.empty(), new ContactBudget(storage.root(StoredRoot.class).contacts(),
                                    Optional.of(new ContactBudgetRule(3, 7, true))))) {
                        sender.nudge();
                        while (!campaigns.campaign("bench").orElseThrow().state().equals("done")) {
                            Thread.sleep(50);
                        }
                    }
                    double seconds = (System.nanoTime() - t1) / 1e9;
                    double rate = n / seconds;
                    System.out.printf("BENCH send recipients=%d delivered=%d campaign_s=%.1f campaign_rate=%.0f/s "
                                    + "standin_direct_rate=%.0f/s ratio=%.2f%n", n, standIn.delivered().size(), seconds, rate,
                            standInRate, rate / standInRate);
                }
            } finally {
                FirebaseWiring.delete(app);
            }
        }
    }
}
