package de.kundenpuls.server.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.eclipse.serializer.reference.Lazy;

/**
 * A stored map that stays cheap to change and to load at tens of millions of entries:
 * {@value #PAGES} lazy pages of {@value #WIDE_SHARDS_PER_PAGE} lazy shard maps, both created on first
 * use. A put stores one shard map (at ten million keys about 38 entries), never a collection that
 * grows with the data; a get loads only the shard of its key.
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

    /**
     * How keys are placed: {@value #HASHING_LOW_BITS} before 2026-12-02, {@value #HASHING_MIXED}
     * (256 shards a page) until 2026-12-02e, {@value #HASHING_WIDE} (1,024 shards a page, 262,144 in
     * all: about 38 keys a shard at ten million, where a change of one key stores its whole shard)
     * since.
     */
    static final int HASHING_LOW_BITS = 0;
    static final int HASHING_MIXED = 1;
    static final int HASHING_WIDE = 2;
    /** Shards a page of a wide map. */
    static final int WIDE_SHARDS_PER_PAGE = 1024;

    /** Pages, and slots of a {@link LazyShards} page, are published to reading threads with release/acquire. */
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Lazy[].class);

    /**
     * Each a {@link LazyShards} page, or in maps written before 2026-12-02 possibly a {@link Page}
     * (whose shards all load with the page: at two million keys a page held 7,680 of them, and
     * a restart spent its first minutes loading pages one after the other).
     */
    @SuppressWarnings("unchecked")
    private final Lazy<Object>[] pages = new Lazy[PAGES];
    /**
     * Stored with the map, so a map keeps the placement its keys were stored with; a map of an
     * older data directory loads with 0 and keeps working as it was.
     */
    private int hashing;

    /** Creates an empty map with the mixed placement. */
    public ShardedMap() {
        hashing = HASHING_WIDE;
    }

    /** A page of shard maps that load with the page (the layout before 2026-12-02c, still read). */
    static final class Page<K, V> {
        @SuppressWarnings("unchecked")
        private final ConcurrentHashMap<K, V>[] shards = new ConcurrentHashMap[SHARDS_PER_PAGE];

        Page() {
            for (int i = 0; i < SHARDS_PER_PAGE; i++) {
                shards[i] = new ConcurrentHashMap<>();
            }
        }
    }

    /** A page of shard maps that each load on their own, created on first use. */
    static final class LazyShards<K, V> {
        private final Lazy<ConcurrentHashMap<K, V>>[] shards;

        @SuppressWarnings("unchecked")
        LazyShards(int size) {
            shards = new Lazy[size];
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
     * Visits every entry (loads every shard; for exports of everything and checks).
     *
     * @param visitor gets each key and value
     */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<K, V> visitor) {
        for (Lazy<Object> page : pages) {
            if (page == null) {
                continue;
            }
            Object loaded = page.get();
            if (loaded instanceof Page<?, ?> legacy) {
                for (ConcurrentHashMap<K, V> shard : ((Page<K, V>) legacy).shards) {
                    shard.forEach(visitor);
                }
            } else {
                LazyShards<K, V> lazy = (LazyShards<K, V>) loaded;
                for (int i = 0; i < lazy.shards.length; i++) {
                    Lazy<ConcurrentHashMap<K, V>> shard = slot(lazy, i);
                    if (shard != null) {
                        shard.get().forEach(visitor);
                    }
                }
            }
        }
    }

    /**
     * Lets the JVM drop every loaded shard that is stored; the next access loads it again. For
     * bulk loads, which would otherwise hold everything they wrote. Writer thread only, between
     * commits.
     */
    public void unloadStored() {
        for (Lazy<Object> page : pages) {
            if (page != null && page.peek() instanceof LazyShards<?, ?> loaded) {
                for (Lazy<?> shard : loaded.shards) {
                    if (shard != null && shard.isStored()) {
                        shard.clear();
                    }
                }
            }
        }
    }

    /**
     * The page a key falls into. A bulk load that writes page by page, and unloads in between,
     * writes each shard once and holds one page's keys at a time.
     *
     * @param key the key
     * @return 0 … {@value #PAGES} − 1
     */
    public int pageOf(K key) {
        return (place(key) >>> shardBits()) & (PAGES - 1);
    }

    /** Shards in all, when every page exists. */
    int shardCount() {
        return PAGES << shardBits();
    }

    /** The shard of a key, 0 … {@link #shardCount()} − 1. */
    int shardIndex(Object key) {
        return place(key) & (shardCount() - 1);
    }

    private int shardBits() {
        return hashing == HASHING_WIDE ? 10 : 8;
    }

    /** How many shards are in memory now (for tests of what a lookup loads). */
    int loadedShards() {
        int loaded = 0;
        for (Lazy<Object> page : pages) {
            Object p = page == null ? null : page.peek();
            if (p instanceof Page<?, ?>) {
                loaded += SHARDS_PER_PAGE;
            } else if (p instanceof LazyShards<?, ?> lazy) {
                for (Lazy<?> shard : lazy.shards) {
                    loaded += shard != null && shard.isLoaded() ? 1 : 0;
                }
            }
        }
        return loaded;
    }

    @SuppressWarnings("unchecked")
    private ConcurrentHashMap<K, V> existing(Object key) {
        int h = place(key);
        Lazy<Object> page = (Lazy<Object>) SLOT.getAcquire(pages, (h >>> shardBits()) & (PAGES - 1));
        if (page == null) {
            return null;
        }
        Object loaded = page.get();
        int s = h & ((1 << shardBits()) - 1);
        if (loaded instanceof Page<?, ?> legacy) {
            return ((Page<K, V>) legacy).shards[s];
        }
        Lazy<ConcurrentHashMap<K, V>> shard = slot((LazyShards<K, V>) loaded, s);
        return shard == null ? null : shard.get();
    }

    @SuppressWarnings("unchecked")
    private ConcurrentHashMap<K, V> shard(K key, Transaction tx) {
        int h = place(key);
        int p = (h >>> shardBits()) & (PAGES - 1);
        if (pages[p] == null) {
            Lazy<Object> created = Lazy.Reference(new LazyShards<K, V>(1 << shardBits()));
            SLOT.setRelease(pages, p, created);
            tx.store(pages);
        }
        Object loaded = pages[p].get();
        int s = h & ((1 << shardBits()) - 1);
        if (loaded instanceof Page<?, ?> legacy) {
            return ((Page<K, V>) legacy).shards[s];
        }
        LazyShards<K, V> page = (LazyShards<K, V>) loaded;
        Lazy<ConcurrentHashMap<K, V>> shard = slot(page, s);
        if (shard == null) {
            shard = Lazy.Reference(new ConcurrentHashMap<>());
            SLOT.setRelease(page.shards, s, shard);
            tx.store(page.shards);
        }
        return shard.get();
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Lazy<ConcurrentHashMap<K, V>> slot(LazyShards<K, V> page, int s) {
        return (Lazy<ConcurrentHashMap<K, V>>) SLOT.getAcquire(page.shards, s);
    }

    /**
     * Page and shard of a key: the shard in the low {@link #shardBits()} bits, the page in the 8
     * above. The old placement took the low bits of the hash, the very bits a
     * {@link ConcurrentHashMap} picks its bin by: every key of a shard fell into one bin, and the
     * shards degenerated into trees. The mixed placements take the top bits of a Fibonacci hash,
     * which are independent of the bin.
     */
    int place(Object key) {
        int h = key.hashCode();
        if (hashing == HASHING_LOW_BITS) {
            return h ^ (h >>> 16);
        }
        if (hashing == HASHING_MIXED) {
            return (h * 0x9E3779B9) >>> 16;
        }
        // MurmurHash3's finalizer: a Fibonacci hash alone left 5 % of 262,144 shards empty for
        // the hash codes of "p0" … "p1999999", and others twice as full.
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h >>> (32 - 8 - shardBits());
    }
}
