package de.kundenpuls.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.DataFiles;
import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage rule of {@code storage/package-info.java} for profiles: the bytes one profile change
 * writes do not grow with the population. Housekeeping is off, so the data files grow only by
 * what commits append; the growth per changed profile at 60,000 profiles must stay within what one
 * profile, its shard and its index chunk take (printed beside the figure at 2,000).
 */
class ProfileWriteCostTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final int MEASURED = 200;

    @TempDir
    Path dir;

    @Test
    void bytesWrittenPerProfileChangeDoNotGrowWithTheNumberOfProfiles() {
        StorageSettings settings = new StorageSettings(dir, 1, Duration.ofHours(1), Duration.ofMillis(100));
        try (Storage storage = Storage.open(settings, StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            create(storage, profiles, 0, 2_000);
            double early = bytesPerChange(storage, profiles, 2_000);
            create(storage, profiles, 2_000, 60_000);
            double late = bytesPerChange(storage, profiles, 60_000);
            System.out.printf("ProfileWriteCostTest: %.0f bytes per change at 2,000 profiles, %.0f at 60,000%n", early, late);
            // The bound is absolute: at small sizes a measurement now and then comes out far lower
            // (the data files shrink while it runs), so a ratio to the early figure flickers. One
            // profile, its shard and its index chunk are about 3 KB; anything that grew with the
            // population (a list of all uids is 480 KB at 60,000) would be far above.
            assertThat(late).as("bytes per profile change at 60,000 profiles (%.0f at 2,000)", early).isLessThan(6_000);
        }
    }

    private static void create(Storage storage, Profiles profiles, int from, int to) {
        for (int start = from; start < to; start += 1_000) {
            int first = start;
            storage.writer().write(tx -> {
                for (int i = first; i < Math.min(to, first + 1_000); i++) {
                    profiles.put(profile(i), tx);
                }
                return null;
            });
        }
    }

    /** Each change moves a profile to another home store and back its consent: two facets change. */
    private double bytesPerChange(Storage storage, Profiles profiles, int population) {
        long before = DataFiles.size(dir);
        for (int i = 0; i < MEASURED; i++) {
            String uid = "u" + (i * 7919 % population);
            int n = i;
            storage.writer().write(tx -> profiles.update(uid, p -> p.withSettings(n % 2 == 0 ? "wien-neubau" : "berlin-mitte",
                    p.locale(), p.ageBand(), NOW).withConsents(Map.of("marketing_push", new Consent(n % 3 != 0, NOW, "app")), NOW), tx));
        }
        return (double) (DataFiles.size(dir) - before) / MEASURED;
    }

    private static Profile profile(int i) {
        return new Profile("u" + i, new Contact("Kundin " + i, "k" + i + "@example.org", null, null, null, "DE"), "berlin-mitte",
                "de", "25-34", Map.of("marketing_push", new Consent(true, NOW, "app")),
                List.of(new Device("token-" + i, i % 2 == 0 ? "android" : "ios", "de", NOW)), Map.of("dairy", 0.3), List.of(), NOW, NOW);
    }
}
