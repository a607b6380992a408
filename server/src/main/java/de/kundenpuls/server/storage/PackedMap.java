package de.kundenpuls.server.storage;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;

import org.eclipse.serializer.reference.Lazy;

/**
 * A stored map from string keys to byte records that stays cheap to open at tens of millions of
 * entries: the records of a shard are packed into one byte array, so a shard is three stored
 * entities however many records it holds (its lazy reference, its holder and its bytes).
 *
 * <p>Why: Eclipse Store indexes every stored entity when it opens a data directory. As a map of
 * key strings to byte arrays ({@link ShardedMap}) ten million profiles were twenty million entities,
 * and indexing them took most of a minute's restart. Packed, they are about three million.
 *
 * <p>The price: a change rewrites its shard's bytes. {@value #PAGES} pages of
 * {@value #SHARDS_PER_PAGE} shards keep a shard at about 10 records (a few KB) at ten million.
 * Shards and pages are created on first use and load on their own, so a lookup loads one shard.
 *
 * <p>Shard layout: repeated {@code [u16 key length][key UTF-8][i32 record length][record]}. Changes on
 * the writer thread only; reads from any thread (a shard's bytes are replaced, never changed in
 * place, and published through a volatile field).
 */
public final class PackedMap {

    /** Pages of shards. */
    public static final int PAGES = 256;
    static final int SHARDS_PER_PAGE = 4096;
    private static final int SHARD_BITS = 12;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Lazy[].class);

    @SuppressWarnings("unchecked")
    private final Lazy<Lazy<Shard>[]>[] pages = new Lazy[PAGES];

    /** The packed records of one shard. */
    static final class Shard {
        private volatile byte[] packed = new byte[0];
    }

    /**
     * The record of a key.
     *
     * @param key the key
     * @return a copy of the record, or null
     */
    public byte[] get(String key) {
        Shard shard = existing(key);
        if (shard == null) {
            return null;
        }
        byte[] packed = shard.packed;
        int at = find(packed, key.getBytes(StandardCharsets.UTF_8));
        return at < 0 ? null : record(packed, at);
    }

    /**
     * Sets the record of a key. Writer thread only.
     *
     * @param key    the key (at most 65,535 UTF-8 bytes)
     * @param record the record
     * @param tx     stores the shard
     */
    public void put(String key, byte[] record, Transaction tx) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length > 0xFFFF) {
            throw new IllegalArgumentException("key longer than 65,535 bytes");
        }
        Shard shard = shard(key, tx);
        byte[] packed = shard.packed;
        int at = find(packed, k);
        ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length + k.length + record.length + 6);
        if (at < 0) {
            out.write(packed, 0, packed.length);
        } else {
            int end = next(packed, at);
            out.write(packed, 0, at);
            out.write(packed, end, packed.length - end);
        }
        out.write(k.length >>> 8);
        out.write(k.length);
        out.write(k, 0, k.length);
        writeInt(out, record.length);
        out.write(record, 0, record.length);
        shard.packed = out.toByteArray();
        tx.store(shard);
    }

    /**
     * Removes a key. Writer thread only.
     *
     * @param key the key
     * @param tx  stores the shard
     * @return the removed record, or null
     */
    public byte[] remove(String key, Transaction tx) {
        Shard shard = existing(key);
        if (shard == null) {
            return null;
        }
        byte[] packed = shard.packed;
        int at = find(packed, key.getBytes(StandardCharsets.UTF_8));
        if (at < 0) {
            return null;
        }
        byte[] removed = record(packed, at);
        int end = next(packed, at);
        byte[] rest = new byte[packed.length - (end - at)];
        System.arraycopy(packed, 0, rest, 0, at);
        System.arraycopy(packed, end, rest, at, packed.length - end);
        shard.packed = rest;
        tx.store(shard);
        return removed;
    }

    /**
     * Visits every record (loads every shard: for exports of everything, migrations and checks).
     *
     * @param visitor gets each key and record
     */
    public void forEach(BiConsumer<String, byte[]> visitor) {
        for (Lazy<Lazy<Shard>[]> page : pages) {
            if (page == null) {
                continue;
            }
            Lazy<Shard>[] shards = page.get();
            for (int s = 0; s < shards.length; s++) {
                Lazy<Shard> shard = slot(shards, s);
                if (shard == null) {
                    continue;
                }
                visit(shard.get().packed, visitor);
            }
        }
    }

    /** Slices a walk over everything is cut into: {@value #PAGES} pages of this many. */
    public static final int SLICES_PER_PAGE = 64;

    /**
     * Visits the records of one slice ({@value #SLICES_PER_PAGE} per page), so that a migration
     * over millions of records runs in bounded steps.
     *
     * @param slice   0 … {@value #PAGES} × {@value #SLICES_PER_PAGE} − 1
     * @param visitor gets each key and record
     */
    public void forEachInSlice(int slice, BiConsumer<String, byte[]> visitor) {
        Lazy<Lazy<Shard>[]> page = pages[slice / SLICES_PER_PAGE];
        if (page == null) {
            return;
        }
        Lazy<Shard>[] shards = page.get();
        int width = SHARDS_PER_PAGE / SLICES_PER_PAGE;
        int from = (slice % SLICES_PER_PAGE) * width;
        for (int s = from; s < from + width; s++) {
            Lazy<Shard> shard = slot(shards, s);
            if (shard == null) {
                continue;
            }
            visit(shard.get().packed, visitor);
        }
    }

    private static void visit(byte[] packed, BiConsumer<String, byte[]> visitor) {
        for (int at = 0; at < packed.length; at = next(packed, at)) {
            int keyLength = ((packed[at] & 0xff) << 8) | (packed[at + 1] & 0xff);
            visitor.accept(new String(packed, at + 2, keyLength, StandardCharsets.UTF_8), record(packed, at));
        }
    }

    /**
     * Lets the JVM drop every loaded shard that is stored; the next access loads it again (for
     * bulk loads). Writer thread only, between commits.
     */
    public void unloadStored() {
        for (Lazy<Lazy<Shard>[]> page : pages) {
            Lazy<Shard>[] shards = page == null ? null : page.peek();
            if (shards == null) {
                continue;
            }
            for (Lazy<Shard> shard : shards) {
                if (shard != null && shard.isStored()) {
                    shard.clear();
                }
            }
        }
    }

    /** Shards that exist (for tests of what the map stores). */
    int shardsInUse() {
        int used = 0;
        for (Lazy<Lazy<Shard>[]> page : pages) {
            if (page != null) {
                for (Lazy<Shard> shard : page.get()) {
                    used += shard == null ? 0 : 1;
                }
            }
        }
        return used;
    }

    /**
     * The page a key falls into (for bulk loads, which write page by page).
     *
     * @param key the key
     * @return 0 … {@value #PAGES} − 1
     */
    public int pageOf(String key) {
        return place(key) >>> SHARD_BITS;
    }

    private Shard existing(String key) {
        int h = place(key);
        @SuppressWarnings("unchecked")
        Lazy<Lazy<Shard>[]> page = (Lazy<Lazy<Shard>[]>) SLOT.getAcquire(pages, h >>> SHARD_BITS);
        if (page == null) {
            return null;
        }
        Lazy<Shard> shard = slot(page.get(), h & (SHARDS_PER_PAGE - 1));
        return shard == null ? null : shard.get();
    }

    @SuppressWarnings("unchecked")
    private Shard shard(String key, Transaction tx) {
        int h = place(key);
        int p = h >>> SHARD_BITS;
        if (pages[p] == null) {
            SLOT.setRelease(pages, p, Lazy.Reference(new Lazy[SHARDS_PER_PAGE]));
            tx.store(pages);
        }
        Lazy<Shard>[] shards = pages[p].get();
        int s = h & (SHARDS_PER_PAGE - 1);
        Lazy<Shard> shard = slot(shards, s);
        if (shard == null) {
            shard = Lazy.Reference(new Shard());
            SLOT.setRelease(shards, s, shard);
            tx.store(shards);
        }
        return shard.get();
    }

    @SuppressWarnings("unchecked")
    private static Lazy<Shard> slot(Lazy<Shard>[] shards, int s) {
        return (Lazy<Shard>) SLOT.getAcquire(shards, s);
    }

    /** Page and shard of a key from MurmurHash3's finalizer (see {@link ShardedMap#place}). */
    static int place(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h >>> (32 - 8 - SHARD_BITS);
    }

    /** Where the entry of a key starts, or −1. */
    private static int find(byte[] packed, byte[] key) {
        for (int at = 0; at < packed.length; at = next(packed, at)) {
            int keyLength = ((packed[at] & 0xff) << 8) | (packed[at + 1] & 0xff);
            if (keyLength == key.length && Arrays.equals(packed, at + 2, at + 2 + keyLength, key, 0, key.length)) {
                return at;
            }
        }
        return -1;
    }

    private static int next(byte[] packed, int at) {
        int recordAt = at + 2 + (((packed[at] & 0xff) << 8) | (packed[at + 1] & 0xff));
        return recordAt + 4 + readInt(packed, recordAt);
    }

    private static byte[] record(byte[] packed, int at) {
        int recordAt = at + 2 + (((packed[at] & 0xff) << 8) | (packed[at + 1] & 0xff));
        return Arrays.copyOfRange(packed, recordAt + 4, recordAt + 4 + readInt(packed, recordAt));
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
