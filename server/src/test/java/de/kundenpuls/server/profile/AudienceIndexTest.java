package de.kundenpuls.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import de.kundenpuls.model.campaign.CampaignDefinition.Audience;
import de.kundenpuls.model.profile.AgeBand;
import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.server.campaign.AudienceRules;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audience index answers exactly what a walk over every profile would, after random creates,
 * changes, NPS answers and erasures, and again after a restart (bitmaps rebuilt from the stored
 * facets) and after more changes on the reloaded index. The walk here is the rule as the product
 * states it, written plainly.
 */
class AudienceIndexTest {

    private static final List<String> STORES = List.of("berlin-mitte", "wien-neubau", "hamburg-altona", "koeln-ehrenfeld");
    private static final List<String> CATEGORIES = List.of("dairy", "bakery", "drinks", "produce");
    private static final List<String> PLATFORMS = List.of("android", "ios", "desktop");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    private final Random random = new Random(20261202);
    private final Map<String, Profile> expected = new HashMap<>();
    private final Map<String, Integer> latestNps = new HashMap<>();

    @Test
    void audiencesEqualAWalkOverEveryProfileBeforeAndAfterARestart() {
        try (Storage storage = open()) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            for (int i = 0; i < 3_000; i++) {
                String uid = "u" + i;
                Profile p = randomProfile(uid);
                storage.writer().write(tx -> {
                    profiles.put(p, tx);
                    return null;
                });
                expected.put(uid, p);
            }
            changeAtRandom(storage, profiles, 3_000);
            assertAudiencesMatch(profiles);
        }
        try (Storage storage = open()) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            assertThat(profiles.count()).isEqualTo(expected.size());
            assertAudiencesMatch(profiles);
            changeAtRandom(storage, profiles, 1_000);
            assertAudiencesMatch(profiles);
        }
    }

    /**
     * Above {@link AudienceIndex#SPLIT_FROM} profiles a start builds the bitmaps on two threads, one
     * per half of the profile numbers: the joined bitmaps must select exactly what the index kept up
     * to date change by change selected before the restart.
     */
    @Test
    void bitmapsBuiltInTwoHalvesAtStartSelectWhatTheLiveIndexSelected() {
        int population = AudienceIndex.SPLIT_FROM + 9_000;
        List<AudienceIndex.Query> queries = new ArrayList<>();
        List<org.roaringbitmap.RoaringBitmap> before = new ArrayList<>();
        try (Storage storage = open()) {
            // Straight into the index (the profiles themselves are not what this test is about, and
            // writing 140,000 of them through their shards takes most of a minute).
            AudienceIndex index = storage.root(StoredRoot.class).profiles().index();
            for (int from = 0; from < population; from += 20_000) {
                int first = from;
                storage.writer().write(tx -> {
                    for (int i = first; i < Math.min(population, first + 20_000); i++) {
                        index.update(index.add("u" + i, tx), randomProfile("u" + i), tx);
                    }
                    return null;
                });
            }
            for (int i = 0; i < 200; i++) {
                AudienceIndex.Query q = randomQuery();
                queries.add(q);
                before.add(index.select(q));
            }
            assertThat(before.stream().filter(b -> !b.isEmpty() && b.first() < 65_536 && b.last() >= 65_536).count())
                    .as("queries that pick profiles on both sides of the split").isGreaterThan(100);
        }
        try (Storage storage = open()) {
            AudienceIndex index = storage.root(StoredRoot.class).profiles().index();
            assertThat(index.count()).isEqualTo(population);
            for (int i = 0; i < queries.size(); i++) {
                org.roaringbitmap.RoaringBitmap after = index.select(queries.get(i));
                assertThat(after.equals(before.get(i))).withFailMessage("query %s: %d profiles before the restart, %d after, %d in common",
                        queries.get(i), before.get(i).getCardinality(), after.getCardinality(),
                        org.roaringbitmap.RoaringBitmap.and(after, before.get(i)).getCardinality()).isTrue();
            }
            assertThat(index.uid(population - 1)).isEqualTo("u" + (population - 1));
        }
    }

    private AudienceIndex.Query randomQuery() {
        String category = random.nextBoolean() ? pick(CATEGORIES) : null;
        return new AudienceIndex.Query(some(STORES, 3), some(List.of("de", "en"), 3), some(PLATFORMS, 2),
                some(AgeBand.VALUES, 3), List.of(), category, category == null ? 0 : 1 + random.nextInt(10), null);
    }

    private Storage open() {
        return Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new);
    }

    private void changeAtRandom(Storage storage, Profiles profiles, int changes) {
        List<String> uids = new ArrayList<>(new TreeSet<>(expected.keySet()));
        for (int i = 0; i < changes; i++) {
            String uid = uids.get(random.nextInt(uids.size()));
            int what = random.nextInt(10);
            if (!expected.containsKey(uid)) {
                Profile p = randomProfile(uid);
                storage.writer().write(tx -> {
                    profiles.put(p, tx);
                    return null;
                });
                expected.put(uid, p);
            } else if (what == 0) {
                storage.writer().write(tx -> profiles.remove(uid, tx));
                expected.remove(uid);
                latestNps.remove(uid);
            } else if (what <= 2) {
                int nps = random.nextInt(11);
                storage.writer().write(tx -> {
                    profiles.recordNps(uid, nps, tx);
                    return null;
                });
                latestNps.put(uid, nps);
            } else {
                Profile changed = randomProfile(uid);
                Profile next = storage.writer().write(tx -> profiles.update(uid, current -> mix(current, changed), tx)).orElseThrow();
                expected.put(uid, next);
            }
        }
    }

    /** Takes some fields from a fresh random profile, so changes touch one facet or several. */
    private Profile mix(Profile current, Profile changed) {
        return switch (random.nextInt(5)) {
            case 0 -> current.withConsents(changed.consents(), NOW);
            case 1 -> current.withDevices(changed.devices(), NOW);
            case 2 -> current.withSettings(changed.homeStoreId(), changed.locale(), changed.ageBand(), NOW);
            case 3 -> current.withAffinities(changed.affinities(), NOW);
            default -> changed;
        };
    }

    private void assertAudiencesMatch(Profiles profiles) {
        AudienceRules rules = new AudienceRules();
        for (int i = 0; i < 60; i++) {
            Audience audience = i == 0 ? new Audience(null, null, null, null, null, null, null, null) : randomAudience();
            Set<String> walked = new HashSet<>();
            expected.values().stream().filter(p -> matches(p, audience)).forEach(p -> walked.add(p.uid()));
            AudienceRules.Matches matches = rules.evaluate(audience, profiles, NOW);
            Set<String> indexed = new HashSet<>();
            matches.forEach(t -> {
                indexed.add(t.profile().uid());
                assertThat(audience.platforms().isEmpty() || audience.platforms().contains(t.device().platform())).isTrue();
            });
            assertThat(indexed).as("audience %s", audience).isEqualTo(walked);
            assertThat(matches.size()).isEqualTo(walked.size());
        }
    }

    private boolean matches(Profile p, Audience a) {
        if (!p.allows(de.kundenpuls.model.profile.ConsentPurpose.MARKETING_PUSH)) {
            return false;
        }
        if (p.devices().stream().noneMatch(d -> a.platforms().isEmpty() || a.platforms().contains(d.platform()))) {
            return false;
        }
        if (!a.homeStoreIds().isEmpty() && !a.homeStoreIds().contains(p.homeStoreId())) {
            return false;
        }
        if (!a.locales().isEmpty() && !a.locales().contains(p.locale())) {
            return false;
        }
        if (!a.ageBands().isEmpty() && !a.ageBands().contains(p.ageBand())) {
            return false;
        }
        double min = a.minAffinity() == null ? 0.1 : a.minAffinity();
        if (a.category() != null && p.affinities().getOrDefault(a.category(), 0.0) < min - 1e-9) {
            return false;
        }
        if (!a.npsGroups().isEmpty()) {
            Integer nps = latestNps.get(p.uid());
            String group = nps == null ? null : nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
            if (!a.npsGroups().contains(group)) {
                return false;
            }
        }
        if (a.visitedWithinDays() != null) {
            Instant since = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(a.visitedWithinDays()).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            return p.history().stream().anyMatch(h -> !h.at().isBefore(since));
        }
        return true;
    }

    private Audience randomAudience() {
        String category = random.nextInt(3) == 0 ? pick(CATEGORIES) : null;
        Double min = category != null && random.nextBoolean() ? (1 + random.nextInt(10)) / 10.0 : null;
        return new Audience(some(STORES, 3), some(List.of("de", "en"), 4), some(PLATFORMS, 3), category, min,
                some(List.of("promoter", "passive", "detractor"), 4), random.nextInt(4) == 0 ? 1 + random.nextInt(60) : null,
                some(AgeBand.VALUES, 4));
    }

    /** Often none (no rule), else one or two values. */
    private List<String> some(List<String> values, int noneOneIn) {
        if (random.nextInt(noneOneIn) != 0) {
            return List.of();
        }
        Set<String> picked = new HashSet<>();
        int n = 1 + random.nextInt(2);
        while (picked.size() < n) {
            picked.add(pick(values));
        }
        return new ArrayList<>(picked);
    }

    private Profile randomProfile(String uid) {
        Map<String, Consent> consents = new HashMap<>();
        for (String purpose : List.of("marketing_push", "personalization", "contact")) {
            if (random.nextInt(4) != 0) {
                consents.put(purpose, new Consent(random.nextInt(5) != 0, NOW, "app"));
            }
        }
        List<Device> devices = new ArrayList<>();
        for (int d = random.nextInt(3); d > 0; d--) {
            devices.add(new Device("tok-" + uid + "-" + random.nextInt(1_000_000), pick(PLATFORMS), "de",
                    NOW.minusSeconds(random.nextInt(100_000))));
        }
        Map<String, Double> affinities = new HashMap<>();
        for (String c : CATEGORIES) {
            if (random.nextBoolean()) {
                affinities.put(c, random.nextInt(101) / 100.0);
            }
        }
        List<Interaction> history = new ArrayList<>();
        for (int h = random.nextInt(4); h > 0; h--) {
            history.add(new Interaction(NOW.minus(Duration.ofHours(random.nextInt(24 * 90))), "scan", pick(STORES), null,
                    pick(CATEGORIES), null));
        }
        return new Profile(uid, new Contact("Kundin " + uid, null, null, null, null, "DE"),
                random.nextInt(5) == 0 ? null : pick(STORES), random.nextBoolean() ? "de" : "en",
                random.nextInt(3) == 0 ? null : pick(AgeBand.VALUES), consents, devices, affinities, history, NOW, NOW);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
