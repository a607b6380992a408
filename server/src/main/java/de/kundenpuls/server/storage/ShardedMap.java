package de.kundenpuls.server.storage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.eclipse.serializer.reference.Lazy;

/**
 * A stored map that stays cheap to change at tens of millions of entries: {@value #PAGES} lazy
 * pages of {@value #SHARDS_PER_PAGE} small hash maps, pages created on first use. A put stores one
 * shard map (at ten million keys about 150 entries), never a collection that grows with the data;
 * a page is loaded only when one of its keys is touched.
 *
 * <p>Values should be immutable, or holders whose changed field is stored with
 * {@link Transaction#store(Object)} without touching the map. Changes on the writer thread only;
 * reads from any thread.
 *
 * @param <K> the key type (its {@code hashCode} must be stable across restarts: String, UUID, …)
 * @param <V> the value type
 */
public final class ShardedMap<K, V> {

    static final int PAGES = 256;
    static final int SHARDS_PER_PAGE = 256;

    /** How keys are placed: {@value #HASHING_LOW_BITS} before 2026-12-02, {@value #HASHING_MIXED} since. */
    static final int HASHING_LOW_BITS = 0;
    static final int HASHING_MIXED = 1;

    @SuppressWarnings("unchecked")
    private final Lazy<Page<K, V>>[] pages = new Lazy[PAGES];
    /**
     * Stored with the map, so a map keeps the placement its keys were stored with; a map of an
     * older data directory loads with 0 and keeps working as it was.
     */
    private int hashing;

    /** Creates an empty map with the mixed placement. */
    public ShardedMap() {
        hashing = HASHING_MIXED;
    }

    /** A page of shard maps. */
    static final class Page<K, V> {
        @SuppressWarnings("unchecked")
        private final ConcurrentHashMap<K, V>[] shards = new ConcurrentHashMap[SHARDS_PER_PAGE];

        Page() {
            for (int i = 0; i < SHARDS_PER_PAGE; i++) {
                shards[i] = new ConcurrentHashMap<>();
            }
        }
    }

    /**
     * The value of a key.
     *
     * @param key the key
     * @return the value, or null
     */
    public V get(K key) {
        ConcurrentHashMap<K, V> shard = existing(key);
        return shard == null ? null : shard.get(key);
    }

    /**
     * Sets a value. Writer thread only.
     *
     * @param key   the key
     * @param value the value
     * @param tx    the transaction
     */
    public void put(K key, V value, Transaction tx) {
        ConcurrentHashMap<K, V> shard = shard(key, tx);
        shard.put(key, value);
        tx.store(shard);
    }

    /**
     * Removes a key. Writer thread only.
     *
     * @param key the key
     * @param tx  the transaction
     * @return the removed value, or null
     */
    public V remove(K key, Transaction tx) {
        ConcurrentHashMap<K, V> shard = existing(key);
        V removed = shard == null ? null : shard.remove(key);
        if (removed != null) {
            tx.store(shard);
        }
        return removed;
    }

    /**
     * Visits every entry (loads every page; for exports of everything and checks).
     *
     * @param visitor gets each key and value
     */
    public void forEach(BiConsumer<K, V> visitor) {
        for (Lazy<Page<K, V>> page : pages) {
            if (page != null) {
                for (ConcurrentHashMap<K, V> shard : page.get().shards) {
                    shard.forEach(visitor);
                }
            }
        }
    }

    private ConcurrentHashMap<K, V> existing(Object key) {
        int h = place(key);
        Lazy<Page<K, V>> page = pages[(h >>> 8) & (PAGES - 1)];
        return page == null ? null : page.get().shards[h & (SHARDS_PER_PAGE - 1)];
    }

    private ConcurrentHashMap<K, V> shard(K key, Transaction tx) {
        int h = place(key);
        int p = (h >>> 8) & (PAGES - 1);
        if (pages[p] == null) {
            Lazy<Page<K, V>> created = Lazy.Reference(new Page<>());
            synchronized (this) {
                pages[p] = created;
            }
            tx.store(pages);
        }
        return pages[p].get().shards[h & (SHARDS_PER_PAGE - 1)];
    }

    /**
     * Page (bits 8–15) and shard (bits 0–7) of a key. The old placement took the low bits of the
     * hash, the very bits a {@link ConcurrentHashMap} picks its bin by: every key of a shard fell
     * into one bin, and the shards degenerated into trees. The mixed placement takes the top 16
     * bits of a Fibonacci hash, which are independent of the bin.
     */
    int place(Object key) {
        int h = key.hashCode();
        if (hashing == HASHING_LOW_BITS) {
            return h ^ (h >>> 16);
        }
        return (h * 0x9E3779B9) >>> 16;
    }
}
