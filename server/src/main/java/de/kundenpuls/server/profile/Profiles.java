package de.kundenpuls.server.profile;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;

/**
 * All customer profiles, in lazily loaded shards.
 *
 * <p>A stored map is one object that is rewritten whole on every store (STACK.md: O(size) per
 * commit), so profiles are spread over {@value #SHARDS} shards and only the changed shard is
 * stored. The shards are {@link Lazy}: a restart with a million profiles loads only the shard
 * references and reads a shard on first use.
 *
 * <p>Writes happen only on the storage writer thread (inside a {@code Change}); reads may come
 * from any thread and see immutable {@link Profile} records in concurrent maps.
 */
public final class Profiles {

    static final int SHARDS = 1024;

    private final Shard[] shards;

    /** Creates an empty container. */
    public Profiles() {
        shards = new Shard[SHARDS];
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard();
        }
    }

    /**
     * A profile by user id.
     *
     * @param uid the user id
     * @return the profile, if any
     */
    public Optional<Profile> find(String uid) {
        return Optional.ofNullable(shard(uid).map().get(uid));
    }

    /**
     * Stores a new or replaced profile. Call on the writer thread only.
     *
     * @param profile the profile
     * @param tx      the transaction that stores the changed shard
     */
    public void put(Profile profile, Transaction tx) {
        ConcurrentHashMap<String, Profile> map = shard(profile.uid()).map();
        map.put(profile.uid(), profile);
        tx.store(map);
    }

    /**
     * Replaces a profile with an updated copy, if it exists. Call on the writer thread only.
     *
     * @param uid    the user id
     * @param update makes the new version
     * @param tx     the transaction
     * @return the new version, or empty when there is no such profile
     */
    public Optional<Profile> update(String uid, UnaryOperator<Profile> update, Transaction tx) {
        ConcurrentHashMap<String, Profile> map = shard(uid).map();
        Profile current = map.get(uid);
        if (current == null) {
            return Optional.empty();
        }
        Profile next = update.apply(current);
        map.put(uid, next);
        tx.store(map);
        return Optional.of(next);
    }

    /**
     * Removes a profile. Call on the writer thread only.
     *
     * @param uid the user id
     * @param tx  the transaction
     * @return the removed profile, if there was one
     */
    public Optional<Profile> remove(String uid, Transaction tx) {
        ConcurrentHashMap<String, Profile> map = shard(uid).map();
        Profile removed = map.remove(uid);
        if (removed != null) {
            tx.store(map);
        }
        return Optional.ofNullable(removed);
    }

    /**
     * Visits every profile (loads every shard).
     *
     * @param visitor called once per profile
     */
    public void forEach(Consumer<Profile> visitor) {
        for (Shard shard : shards) {
            shard.map().values().forEach(visitor);
        }
    }

    /** Number of profiles (loads every shard). */
    public long count() {
        long n = 0;
        for (Shard shard : shards) {
            n += shard.map().size();
        }
        return n;
    }

    private Shard shard(String uid) {
        return shards[Math.floorMod(uid.hashCode(), SHARDS)];
    }

    /** One bucket of profiles behind a lazy reference. */
    static final class Shard {
        private final Lazy<ConcurrentHashMap<String, Profile>> data = Lazy.Reference(new ConcurrentHashMap<>());

        ConcurrentHashMap<String, Profile> map() {
            return data.get();
        }
    }
}
