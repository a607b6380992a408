package de.kundenpuls.server.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import de.kundenpuls.server.storage.Transaction;

/**
 * Raw answers, bucketed by store and day so that a commit rewrites one small list, with an id
 * index for duplicate detection in {@value #ID_SHARDS} shards, all created up front: a stored map
 * is rewritten whole on every commit, so a shard must stay small even at ten million answers
 * (about 600 ids each), and the shard array itself is stored once. Writes on the storage writer
 * thread only.
 */
public final class FeedbackStore {

    private static final int ID_SHARDS = 16_384;

    private final ConcurrentHashMap<String, ArrayList<FeedbackEntry>> days = new ConcurrentHashMap<>();
    private final IdShard[] ids = newShards();

    private static IdShard[] newShards() {
        IdShard[] shards = new IdShard[ID_SHARDS];
        for (int i = 0; i < ID_SHARDS; i++) {
            shards[i] = new IdShard();
        }
        return shards;
    }

    /** One shard of the id index. */
    static final class IdShard {
        private final ConcurrentHashMap<UUID, String> ids = new ConcurrentHashMap<>();
    }

    /**
     * Whether an id was stored before.
     *
     * @param id the client-made id
     * @return true for a duplicate
     */
    public boolean contains(UUID id) {
        return ids[shard(id)].ids.containsKey(id);
    }

    /**
     * Stores an entry. Writer thread only.
     *
     * @param entry the entry
     * @param day   the store-local day it belongs to
     * @param tx    the transaction
     */
    public void add(FeedbackEntry entry, LocalDate day, Transaction tx) {
        String key = entry.storeId() + "|" + day;
        ArrayList<FeedbackEntry> bucket = days.get(key);
        if (bucket == null) {
            bucket = new ArrayList<>();
            bucket.add(entry);
            synchronized (days) {
                days.put(key, bucket);
            }
            tx.store(days);
        } else {
            synchronized (bucket) {
                bucket.add(entry);
            }
            tx.store(bucket);
        }
        ConcurrentHashMap<UUID, String> shard = ids[shard(entry.id())].ids;
        shard.put(entry.id(), key);
        tx.store(shard);
    }

    /**
     * Visits every entry (exports, erasure, recomputation checks).
     *
     * @param visitor called per entry
     */
    public void forEach(Consumer<FeedbackEntry> visitor) {
        for (ArrayList<FeedbackEntry> bucket : days.values()) {
            List<FeedbackEntry> copy;
            synchronized (bucket) {
                copy = new ArrayList<>(bucket);
            }
            copy.forEach(visitor);
        }
    }

    /**
     * Entries linked to a person.
     *
     * @param uid the person
     * @return their entries
     */
    public List<FeedbackEntry> ofProfile(String uid) {
        List<FeedbackEntry> result = new ArrayList<>();
        forEach(e -> {
            if (uid.equals(e.profileUid())) {
                result.add(e);
            }
        });
        return result;
    }

    /**
     * Unlinks a person's entries and drops their comments. Writer thread only.
     *
     * @param uid the person
     * @param tx  the transaction
     */
    public void anonymize(String uid, Transaction tx) {
        for (ArrayList<FeedbackEntry> bucket : days.values()) {
            synchronized (bucket) {
                boolean changed = false;
                for (int i = 0; i < bucket.size(); i++) {
                    if (uid.equals(bucket.get(i).profileUid())) {
                        bucket.set(i, bucket.get(i).anonymized());
                        changed = true;
                    }
                }
                if (changed) {
                    tx.store(bucket);
                }
            }
        }
    }

    private static int shard(UUID id) {
        return Math.floorMod(id.hashCode(), ID_SHARDS);
    }
}
