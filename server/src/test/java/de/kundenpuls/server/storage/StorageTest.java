package de.kundenpuls.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import de.kundenpuls.model.profile.Consent;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.profile.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {

    @TempDir
    Path dir;

    @Test
    void oneElementCollectionsSurviveARestartUnchanged() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Profile profile = new Profile("u1", new Contact("Eva", "eva@example.org", null, null, null, "DE"), "berlin-mitte",
                "de", "25-34", Map.of("contact", new Consent(true, now, "app")),
                List.of(new Device("tok-1", "android", "de", now)), Map.of("dairy", 0.5),
                List.of(new Interaction(now, "scan", "berlin-mitte", "4006381333931", "dairy", null)), now, now);
        try (Storage storage = Storage.open(StorageSettings.of(dir))) {
            Profiles profiles = storage.container("profiles", Profiles.class, Profiles::new);
            storage.writer().write(tx -> {
                profiles.put(profile, tx);
                return null;
            });
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir))) {
            Profiles profiles = storage.container("profiles", Profiles.class, Profiles::new);
            Profile loaded = profiles.find("u1").orElseThrow();
            // STACK.md: one-element JDK immutable collections reload with a phantom second element.
            assertThat(loaded.devices()).hasSize(1);
            assertThat(loaded.consents()).hasSize(1);
            assertThat(loaded.affinities()).hasSize(1);
            assertThat(loaded.history()).hasSize(1);
            assertThat(loaded).isEqualTo(profile);
        }
    }

    @Test
    void concurrentWritesAreGroupedIntoFewerCommitsAndAllDurable() throws Exception {
        int writes = 2000;
        long commits;
        try (Storage storage = Storage.open(StorageSettings.of(dir));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Profiles profiles = storage.container("profiles", Profiles.class, Profiles::new);
            long before = storage.writer().commitCount();
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                String uid = "user-" + i;
                futures.add(CompletableFuture.runAsync(() -> storage.writer().write(tx -> {
                    profiles.put(Profile.create(uid, "de", Instant.now()), tx);
                    return null;
                }), pool));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            commits = storage.writer().commitCount() - before;
        }
        assertThat(commits).isBetween(1L, (long) writes);
        try (Storage storage = Storage.open(StorageSettings.of(dir))) {
            Profiles profiles = storage.container("profiles", Profiles.class, Profiles::new);
            assertThat(profiles.count()).isEqualTo(writes);
        }
    }

    @Test
    void aFailingChangeLeavesNoTraceAndDoesNotBlockOthersInTheSameCommit() {
        try (Storage storage = Storage.open(StorageSettings.of(dir))) {
            Profiles profiles = storage.container("profiles", Profiles.class, Profiles::new);
            assertThatThrownBy(() -> storage.writer().write(tx -> {
                throw new IllegalArgumentException("invalid");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("invalid");
            storage.writer().write(tx -> {
                profiles.put(Profile.create("ok", "de", Instant.now()), tx);
                return null;
            });
            assertThat(profiles.find("ok")).isPresent();
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameDirectory() {
        try (Storage first = Storage.open(StorageSettings.of(dir))) {
            assertThat(first.healthy()).isTrue();
            assertThatThrownBy(() -> Storage.open(StorageSettings.of(dir)))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining(dir.toString());
        }
    }

    @Test
    void anUnusableDirectoryIsReportedInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> Storage.open(StorageSettings.of(file)))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("not-a-directory")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
