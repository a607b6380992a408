package de.kundenpuls.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import de.kundenpuls.model.profile.AgeBand;
import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;

/**
 * Setup for {@code bench/profile/ten-million.sh}: writes N profiles (uids {@code p0…}) into a data
 * directory through the real {@code Storage} and {@code Profiles} code, one commit per storage page
 * (about 39,000 profiles at ten million), so that each shard is written once.
 * Each profile: name, e-mail and city; three consents (marketing push for two in three); one or
 * two devices; a home store among {@code filiale-00…49}; an age band; one to three affinities;
 * three interactions. Prints the load rate and the data directory's size.
 */
public final class ProfileLoad {

    private static final String[] CATEGORIES = {"dairy", "bakery", "beverages", "produce", "household", "cosmetics", "frozen",
        "snacks", "baby", "pets"};

    private ProfileLoad() {
    }

    /**
     * Loads the profiles.
     *
     * @param args profiles, data directory
     */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            // Page by page: each commit writes the shards of one page once, and the page is
            // unloaded before the next, so the heap holds one page of profiles at a time (a commit
            // spread over every shard rewrote and reloaded all of them each time).
            int[][] byPage = byPage(profiles, n);
            int written = 0;
            for (int[] page : byPage) {
                storage.writer().write(tx -> {
                    for (int i : page) {
                        profiles.put(profile(i, now), tx);
                    }
                    return null;
                });
                storage.writer().write(tx -> {
                    profiles.unloadStored();
                    return null;
                });
                int before = written;
                written += page.length;
                if (written / 1_000_000 != before / 1_000_000) {
                    System.out.printf("BENCH wrote %,d profiles in %.0f s%n", written, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH wrote %,d profiles in %.0f s = %,.0f profiles/s%n", n, seconds, n / seconds);
    }

    /** The profile numbers 0 … n−1 grouped by the storage page of their uid. */
    private static int[][] byPage(Profiles profiles, int n) {
        int[] counts = new int[256];
        byte[] pageOf = new byte[n];
        for (int i = 0; i < n; i++) {
            int page = profiles.pageOf("p" + i);
            pageOf[i] = (byte) page;
            counts[page]++;
        }
        int[][] byPage = new int[256][];
        for (int p = 0; p < 256; p++) {
            byPage[p] = new int[counts[p]];
        }
        int[] at = new int[256];
        for (int i = 0; i < n; i++) {
            int page = pageOf[i] & 0xff;
            byPage[page][at[page]++] = i;
        }
        return byPage;
    }

    static Profile profile(int i, Instant now) {
        SplittableRandom r = new SplittableRandom(i);
        String uid = "p" + i;
        Map<String, Consent> consents = Map.of("personalization", new Consent(r.nextInt(4) != 0, now, "app"),
                "marketing_push", new Consent(r.nextInt(3) != 0, now, "app"), "contact", new Consent(r.nextBoolean(), now, "app"));
        List<Device> devices = new ArrayList<>();
        for (int d = 1 + r.nextInt(2); d > 0; d--) {
            devices.add(new Device("fcm-" + uid + "-" + d, r.nextInt(3) == 0 ? "ios" : "android", "de", now));
        }
        Map<String, Double> affinities = new java.util.HashMap<>();
        for (int a = 1 + r.nextInt(3); a > 0; a--) {
            affinities.put(CATEGORIES[r.nextInt(CATEGORIES.length)], (1 + r.nextInt(10)) / 10.0);
        }
        String store = String.format("filiale-%02d", r.nextInt(50));
        List<Interaction> history = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            history.add(new Interaction(now.minusSeconds(r.nextLong(90L * 86_400)), "scan", store, null,
                    CATEGORIES[r.nextInt(CATEGORIES.length)], null));
        }
        return new Profile(uid, new Contact("Kundin " + i, "kundin" + i + "@example.org", null, null, "Berlin", "DE"), store,
                r.nextInt(4) == 0 ? "en" : "de", AgeBand.VALUES.get(r.nextInt(AgeBand.VALUES.size())), consents, devices,
                affinities, history, now, now);
    }
}
