package de.kundenpuls.server.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import de.kundenpuls.server.storage.Transaction;

/**
 * Raw answers: the append-only {@link AnswerLog}, the per-customer index into it, and the
 * in-memory window of recent ids that makes capture idempotent. Changes on the storage writer
 * thread only.
 */
public final class FeedbackStore {

    private final FeedbackData data;
    private final RecentIds recent;

    private FeedbackStore(FeedbackData data, RecentIds recent) {
        this.data = data;
        this.recent = recent;
    }

    /**
     * Opens the store over its stored data and rebuilds the window of recent ids.
     *
     * @param data   the stored data
     * @param window how long after its first receipt an answer can come back as a retry
     * @param now    the current time
     * @return the store
     */
    public static FeedbackStore open(FeedbackData data, Duration window, Instant now) {
        return new FeedbackStore(data, RecentIds.rebuild(data.answers(), window, now));
    }

    /**
     * Whether an answer with this id was accepted within the retry window. Writer thread only.
     *
     * @param id the client-made id
     * @return true for a duplicate
     */
    boolean contains(UUID id) {
        return recent.contains(id);
    }

    /**
     * Stores accepted answers. Writer thread only.
     *
     * @param entries    the answers
     * @param encoded    each answer's stored form, in the same order
     * @param receivedAt when they were received
     * @param tx         the transaction
     */
    void add(List<FeedbackEntry> entries, List<byte[]> encoded, Instant receivedAt, Transaction tx) {
        if (entries.isEmpty()) {
            return;
        }
        long[] positions = data.answers().append(encoded, receivedAt, tx);
        Map<String, List<Long>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            FeedbackEntry e = entries.get(i);
            recent.add(e.id(), receivedAt);
            if (e.profileUid() != null) {
                byCustomer.computeIfAbsent(e.profileUid(), u -> new ArrayList<>()).add(positions[i]);
            }
        }
        byCustomer.forEach((uid, list) -> data.customers().add(uid, list.stream().mapToLong(Long::longValue).toArray(), tx));
        recent.expire(receivedAt);
    }

    /** Number of stored answers. */
    public long size() {
        return data.answers().size();
    }

    /**
     * Visits every entry (recomputation checks; reads every segment).
     *
     * @param visitor called per entry
     */
    public void forEach(Consumer<FeedbackEntry> visitor) {
        data.answers().forEach(visitor);
    }

    /**
     * Visits the entries given since a time, newest received first, until the visitor declines one;
     * reads only the segments received since then.
     *
     * @param createdSince the earliest {@code createdAt} of interest
     * @param skew         how far a sender's clock may be ahead of the server's
     * @param visitor      gets each entry; returns false to end the walk
     */
    public void newestFirst(Instant createdSince, Duration skew, Predicate<FeedbackEntry> visitor) {
        data.answers().visitNewestFirst(createdSince, skew, visitor);
    }

    /**
     * The entries linked to a person, found through the per-customer index.
     *
     * @param uid the person
     * @return their entries, oldest first
     */
    public List<FeedbackEntry> ofProfile(String uid) {
        return new ArrayList<>(data.answers().read(data.customers().of(uid)).values());
    }

    /**
     * Unlinks a person's entries and drops their comments, rewriting only the segments that hold
     * them, and removes the person from the index. Writer thread only.
     *
     * @param uid the person
     * @param tx  the transaction
     * @return the entries as they were before
     */
    public List<FeedbackEntry> anonymize(String uid, Transaction tx) {
        Map<Long, FeedbackEntry> mine = data.answers().read(data.customers().of(uid));
        Map<Long, FeedbackEntry> replaced = new LinkedHashMap<>();
        mine.forEach((position, e) -> replaced.put(position, e.anonymized()));
        data.answers().replace(replaced, tx);
        data.customers().remove(uid, tx);
        return new ArrayList<>(mine.values());
    }
}
