package de.kundenpuls.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer log on a real data directory: batches of every size (single answers that seal a
 * tail by its chunk count, batches that cross a segment boundary, batches larger than a segment)
 * come back after a restart in order and unchanged, each customer's answers are found through
 * the index, every id is still recognised as a duplicate, and an erasure rewrites exactly the
 * customer's answers and survives a restart.
 */
class AnswerLogTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(31);

    @TempDir
    Path dir;

    @Test
    void answersSurviveARestartAndAreFoundPerCustomerAndErasedInPlace() {
        List<FeedbackEntry> all = new ArrayList<>();
        int[] sizes = new int[300 + 6];
        java.util.Arrays.fill(sizes, 0, 300, 1);
        System.arraycopy(new int[] {7, 50, 1000, 3000, 17, 1024}, 0, sizes, 300, 6);
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            FeedbackStore store = open(storage);
            int n = 0;
            for (int size : sizes) {
                List<FeedbackEntry> batch = new ArrayList<>();
                for (int i = 0; i < size; i++, n++) {
                    batch.add(entry(n));
                }
                all.addAll(batch);
                storage.writer().write(tx -> {
                    store.add(batch, batch.stream().map(AnswerCodec::encode).toList(), NOW, tx);
                    return null;
                });
            }
            assertThat(store.size()).isEqualTo(all.size());
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            FeedbackStore store = open(storage);
            List<FeedbackEntry> loaded = new ArrayList<>();
            store.forEach(loaded::add);
            assertThat(loaded).containsExactlyElementsOf(all);
            assertThat(all).allSatisfy(e -> assertThat(store.contains(e.id())).isTrue());
            assertThat(store.contains(UUID.randomUUID())).isFalse();
            List<FeedbackEntry> evas = all.stream().filter(e -> "eva".equals(e.profileUid())).toList();
            assertThat(store.ofProfile("eva")).containsExactlyElementsOf(evas);
            storage.writer().write(tx -> store.anonymize("eva", tx));
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            FeedbackStore store = open(storage);
            List<FeedbackEntry> loaded = new ArrayList<>();
            store.forEach(loaded::add);
            List<FeedbackEntry> expected = all.stream().map(e -> "eva".equals(e.profileUid()) ? e.anonymized() : e).toList();
            assertThat(loaded).containsExactlyElementsOf(expected);
            assertThat(loaded).noneSatisfy(e -> assertThat(e.comment()).contains("Eva"));
            assertThat(store.ofProfile("eva")).isEmpty();
            assertThat(store.ofProfile("tom")).hasSize((int) all.stream().filter(e -> "tom".equals(e.profileUid())).count());
        }
    }

    @Test
    void idsReceivedBeforeTheRetryWindowAreForgottenAndNotRebuilt() {
        FeedbackEntry old = entry(1);
        FeedbackEntry recent = entry(2);
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            FeedbackStore store = open(storage);
            storage.writer().write(tx -> {
                store.add(List.of(old), List.of(AnswerCodec.encode(old)), NOW.minus(Duration.ofDays(60)), tx);
                return null;
            });
            // 1,024 more answers seal the segment that holds the old one.
            List<FeedbackEntry> filler = new ArrayList<>();
            for (int i = 0; i < AnswerLog.SEGMENT_SIZE; i++) {
                filler.add(entry(10 + i));
            }
            storage.writer().write(tx -> {
                store.add(filler, filler.stream().map(AnswerCodec::encode).toList(), NOW.minus(Duration.ofDays(59)), tx);
                store.add(List.of(recent), List.of(AnswerCodec.encode(recent)), NOW, tx);
                return null;
            });
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            FeedbackStore store = open(storage);
            assertThat(store.contains(recent.id())).isTrue();
            assertThat(store.contains(old.id())).as("60 days old, outside the 31-day window").isFalse();
        }
    }

    @Test
    void importedHistoryReceivedTodayIsNotRebuiltButEveryAnswerThatCanStillComeBackIs() {
        // Two segments of answers created 200 days ago (an import of history), then one segment
        // mixing history and answers of this week, then a tail of this week's answers.
        List<FeedbackEntry> history = new ArrayList<>();
        List<FeedbackEntry> thisWeek = new ArrayList<>();
        List<FeedbackEntry> order = new ArrayList<>();
        for (int i = 0; i < 3 * AnswerLog.SEGMENT_SIZE + 10; i++) {
            boolean old = i < 2 * AnswerLog.SEGMENT_SIZE || (i < 3 * AnswerLog.SEGMENT_SIZE && i % 2 == 0);
            FeedbackEntry e = entry(i, old ? NOW.minus(Duration.ofDays(200)) : NOW.minus(Duration.ofDays(3)));
            (old ? history : thisWeek).add(e);
            order.add(e);
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            FeedbackStore store = open(storage);
            for (int from = 0; from < order.size(); from += 500) {
                List<FeedbackEntry> batch = order.subList(from, Math.min(order.size(), from + 500));
                storage.writer().write(tx -> {
                    store.add(batch, batch.stream().map(AnswerCodec::encode).toList(), NOW, tx);
                    return null;
                });
            }
        }
        try (Storage storage = Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new)) {
            FeedbackStore store = open(storage);
            assertThat(thisWeek).allSatisfy(e -> assertThat(store.contains(e.id())).as("created 3 days ago").isTrue());
            assertThat(history).noneSatisfy(e -> assertThat(store.contains(e.id())).as("created 200 days ago").isTrue());
            List<FeedbackEntry> loaded = new ArrayList<>();
            store.forEach(loaded::add);
            assertThat(loaded).as("all of it is still stored").containsExactlyElementsOf(order);
        }
    }

    private static FeedbackStore open(Storage storage) {
        return FeedbackStore.open(storage.root(StoredRoot.class).feedback(), WINDOW, NOW);
    }

    private static FeedbackEntry entry(int n) {
        return entry(n, NOW.minusSeconds(n));
    }

    private static FeedbackEntry entry(int n, Instant createdAt) {
        String uid = n % 7 == 0 ? "eva" : n % 7 == 1 ? "tom" : null;
        return new FeedbackEntry(UUID.randomUUID(), "berlin-mitte", n % 2 == 0 ? "checkout" : "entrance",
                n % 3 == 0 ? "dairy" : null, n % 3 == 0 ? "4013456000018" : null, createdAt, NOW, 1 + n % 5,
                n % 4 == 0 ? null : n % 11, n % 5 == 0 ? 1 + n % 7 : null, Map.of("staff", 1 + n % 5),
                n % 6 == 0 ? "Kommentar " + n + (uid == null ? "" : " von " + ("eva".equals(uid) ? "Eva" : "Tom")) : null,
                n % 9 == 0 ? "survey-1" : null, n % 9 == 0 ? 2 : null, n % 9 == 0 ? Map.of("q1", "3") : Map.of(),
                n % 10 == 0 ? "kiosk" : "app", uid);
    }
}
