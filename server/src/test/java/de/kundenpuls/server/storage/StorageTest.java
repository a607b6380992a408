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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.kundenpuls.server.StoredRoot;
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
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            storage.writer().write(tx -> {
                profiles.put(profile, tx);
                return null;
            });
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
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
    void changesQueuedDuringACommitShareTheNextCommitAndAllAreDurable() throws Exception {
        int writes = 500;
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            long before = storage.writer().commitCount();
            // The first change holds the writer, so every later one is queued before it commits.
            HeldWriter held = HeldWriter.hold(storage);
            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                String uid = "user-" + i;
                futures.add(storage.writer().submit(tx -> {
                    profiles.put(Profile.create(uid, "de", Instant.now()), tx);
                    return null;
                }));
            }
            held.release();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            assertThat(storage.writer().commitCount() - before).as("one commit for the blocker, one for all the others")
                    .isEqualTo(2);
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            assertThat(profiles.count()).isEqualTo(writes);
        }
    }

    @Test
    void aChangeThatFailsBeforeChangingAnythingLeavesTheOthersOfItsCommitIntact() throws Exception {
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            long before = storage.writer().commitCount();
            HeldWriter held = HeldWriter.hold(storage);
            CompletableFuture<Object> good1 = storage.writer().submit(tx -> {
                profiles.put(Profile.create("good-1", "de", Instant.now()), tx);
                return null;
            });
            CompletableFuture<Object> bad = storage.writer().submit(tx -> {
                throw new IllegalArgumentException("invalid");
            });
            CompletableFuture<Object> good2 = storage.writer().submit(tx -> {
                profiles.put(Profile.create("good-2", "de", Instant.now()), tx);
                return null;
            });
            held.release();
            good1.join();
            good2.join();
            assertThatThrownBy(bad::join).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThat(storage.writer().commitCount() - before).as("the good ones shared one commit").isEqualTo(2);
            assertThat(storage.healthy()).isTrue();
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            assertThat(profiles.find("good-1")).isPresent();
            assertThat(profiles.find("good-2")).isPresent();
        }
    }

    @Test
    void aChangeThatFailsAfterChangingTheGraphCommitsNothingAndStopsTheWriter() throws Exception {
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            storage.writer().write(tx -> {
                profiles.put(Profile.create("before", "de", Instant.now()), tx);
                return null;
            });
            HeldWriter held = HeldWriter.hold(storage);
            CompletableFuture<Object> sameCommit = storage.writer().submit(tx -> {
                profiles.put(Profile.create("same-commit", "de", Instant.now()), tx);
                return null;
            });
            CompletableFuture<Object> half = storage.writer().submit(tx -> {
                profiles.put(Profile.create("half", "de", Instant.now()), tx);
                throw new IllegalStateException("bug after the mutation");
            });
            held.release();
            assertThatThrownBy(half::join).hasCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(sameCommit::join).hasCauseInstanceOf(StorageFailedException.class);
            assertThat(storage.healthy()).isFalse();
            assertThatThrownBy(() -> storage.writer().write(tx -> null)).isInstanceOf(StorageFailedException.class);
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            Profiles profiles = storage.root(StoredRoot.class).profiles();
            assertThat(profiles.find("before")).isPresent();
            assertThat(profiles.find("half")).isEmpty();
            assertThat(profiles.find("same-commit")).isEmpty();
        }
    }

    /** A change that holds the writer thread until released, so that later changes queue up. */
    private record HeldWriter(CountDownLatch gate, CompletableFuture<Object> change) {

        static HeldWriter hold(Storage storage) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> change = storage.writer().submit(tx -> {
                started.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test did not release the writer");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return null;
            });
            started.await();
            return new HeldWriter(release, change);
        }

        void release() {
            gate.countDown();
            change.join();
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameDirectory() {
        try (Storage first = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            assertThat(first.healthy()).isTrue();
            assertThatThrownBy(() -> Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining(dir.toString());
        }
    }

    @Test
    void anUnusableDirectoryIsReportedInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> Storage.open(StorageSettings.of(file), StoredRoot.class, StoredRoot::new))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("not-a-directory")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
