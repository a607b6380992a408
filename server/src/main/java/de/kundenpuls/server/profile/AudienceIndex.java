package de.kundenpuls.server.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;

import de.kundenpuls.model.profile.AgeBand;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Locales;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * What audiences are chosen by, for every profile, kept so that an audience over ten million
 * profiles is a few bitmap operations and never a walk over the profiles themselves.
 *
 * <p>Each profile has a dense number. Its <em>facets</em> (consents, platforms with a device, home
 * store, locale, age band, NPS group, day of last contact, affinity band per category) are stored
 * in chunks of {@value #CHUNK} profiles: {@value #FACET_BYTES} bytes each in one array, plus one
 * short encoded list of affinity bands. A change stores only its chunk's arrays, a few kilobytes
 * whatever the population. All facet chunks load at start (16 bytes a profile) and the in-memory
 * {@link RoaringBitmap}s are built from them; every change then updates both. The uids behind the
 * numbers are stored per chunk behind {@link Lazy}, read only for the profiles an audience picks.
 *
 * <p>Affinities are indexed in bands of 0.1 ("at least 0.3"): an audience's minimum affinity is a
 * multiple of 0.1, so the bands answer it exactly.
 *
 * <p>Changes come from the storage writer thread only, under the write lock; audiences are read
 * under the read lock from any thread.
 */
public final class AudienceIndex {

    /** Profiles per stored chunk. */
    static final int CHUNK = 256;
    /** Chunks per page; pages in the top directory. Capacity: about a billion profiles. */
    static final int CHUNKS_PER_PAGE = 1024;
    static final int PAGES = 4096;
    static final int FACET_BYTES = 16;
    /** Affinity bands: band k holds profiles with affinity of at least k/10. */
    static final int BANDS = 10;
    /** Profile count from which the start builds the bitmaps on two threads. */
    static final int SPLIT_FROM = 2 * 65_536;

    private static final int PRESENT = 1;
    private static final int MARKETING = 2;
    private static final int PERSONALIZATION = 4;
    private static final int CONTACT = 8;
    private static final int ANDROID = 16;
    private static final int IOS = 32;
    private static final int DESKTOP = 64;
    private static final List<String> PLATFORMS = List.of("android", "ios", "desktop");
    private static final List<String> NPS_GROUPS = List.of("detractor", "passive", "promoter");
    private static final long DAY_ZERO = LocalDate.of(2020, 1, 1).toEpochDay();

    private final Page[] pages = new Page[PAGES];
    private final ArrayList<String> stores = new ArrayList<>();
    private final ArrayList<String> categories = new ArrayList<>();
    private int size;

    private transient Bitmaps bitmaps;
    private transient ReentrantReadWriteLock lock;

    /** A page of chunks. */
    static final class Page {
        private final Chunk[] chunks = new Chunk[CHUNKS_PER_PAGE];
    }

    /** The facets of {@value #CHUNK} consecutive profile numbers. */
    static final class Chunk {
        private final byte[] facets = new byte[CHUNK * FACET_BYTES];
        /** (slot, category code as two bytes, band) per affinity of at least 0.1, ordered by slot. */
        private byte[] affinities = new byte[0];
        /** The uids as {@link UidBlock} bytes: two stored entities a chunk instead of one per profile. */
        private volatile Lazy<byte[]> packedUids = Lazy.Reference(UidBlock.empty(CHUNK));
        /** The uids of chunks written before 2026-12-02f, one stored string each; moved on the chunk's next change. */
        private Lazy<String[]> uids;

        /** The uid block, moving the older layout's uids into one when first read. */
        byte[] uidBlock() {
            Lazy<byte[]> packed = packedUids;
            if (packed != null) {
                return packed.get();
            }
            String[] legacy = uids.get();
            synchronized (legacy) {
                return UidBlock.of(legacy);
            }
        }

        void replaceUids(byte[] block, Transaction tx) {
            packedUids = Lazy.Reference(block);
            uids = null;
            tx.store(this);
        }
    }

    /**
     * The in-memory bitmaps, rebuilt at start: the facet bitmaps in one flat list (flags, platforms,
     * locales, age bands, NPS groups, then home stores by code, so that the list can grow with new
     * stores), and per category code the bitmaps of affinity bands 1–10.
     */
    private static final class Bitmaps {
        static final int PRESENT_AT = 0;
        static final int MARKETING_AT = 1;
        static final int PERSONALIZATION_AT = 2;
        static final int CONTACT_AT = 3;
        static final int PLATFORMS_AT = 4;
        static final int LOCALES_AT = PLATFORMS_AT + PLATFORMS.size();
        static final int AGE_BANDS_AT = LOCALES_AT + Locales.SUPPORTED.size();
        static final int NPS_AT = AGE_BANDS_AT + AgeBand.VALUES.size();
        static final int STORES_AT = NPS_AT + NPS_GROUPS.size();

        final List<RoaringBitmap> facets;
        final List<RoaringBitmap[]> affinity;

        Bitmaps(List<RoaringBitmap> facets, List<RoaringBitmap[]> affinity) {
            this.facets = facets;
            this.affinity = affinity;
        }

        RoaringBitmap at(int index) {
            while (facets.size() <= index) {
                facets.add(new RoaringBitmap());
            }
            return facets.get(index);
        }

        RoaringBitmap[] affinity(int code) {
            while (affinity.size() <= code) {
                RoaringBitmap[] bands = new RoaringBitmap[BANDS + 1];
                for (int k = 0; k <= BANDS; k++) {
                    bands[k] = new RoaringBitmap();
                }
                affinity.add(bands);
            }
            return affinity.get(code);
        }
    }

    /** Number of profiles in the index. */
    public long count() {
        ensureBuilt();
        lock.readLock().lock();
        try {
            return bitmaps.at(Bitmaps.PRESENT_AT).getLongCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Builds the in-memory bitmaps from the stored facets. Called at start, so the first audience
     * after a restart does not pay for it; safe to call again.
     *
     * <p>Above {@value #SPLIT_FROM} profiles the numbers are split in two halves, each built on its
     * own core into its own bitmaps; the halves meet at a multiple of 65,536, the span of one
     * RoaringBitmap container, so joining them only hands over whole containers.
     */
    public synchronized void ensureBuilt() {
        if (bitmaps != null) {
            return;
        }
        lock = new ReentrantReadWriteLock();
        int middle = size < SPLIT_FROM ? size : (size / 2) & ~0xffff;
        if (middle == size) {
            bitmaps = build(0, size).joined(new Partial(List.of(), List.of()));
            return;
        }
        CompletableFuture<Partial> upper = CompletableFuture.supplyAsync(
                () -> build(middle, size), r -> Thread.ofPlatform().name("kundenpuls-audience-index-upper").start(r));
        Partial lower = build(0, middle);
        bitmaps = lower.joined(upper.join());
    }

    /** The bitmaps of profile numbers {@code from} (inclusive) to {@code to} (exclusive). */
    private Partial build(int from, int to) {
        // Numbers come in ascending order, so each bitmap is written front to back by a writer
        // (five times faster than adding to a RoaringBitmap one number at a time).
        List<RoaringBitmapWriter<RoaringBitmap>> facetWriters = new ArrayList<>();
        List<List<RoaringBitmapWriter<RoaringBitmap>>> affinityWriters = new ArrayList<>();
        for (int n = from; n < to; n += CHUNK) {
            Chunk chunk = chunk(n);
            if (chunk == null) {
                continue;
            }
            for (int slot = 0; slot < CHUNK && n + slot < to; slot++) {
                int number = n + slot;
                facetIndexes(chunk.facets, slot * FACET_BYTES, index -> writer(facetWriters, index).add(number));
            }
            byte[] a = chunk.affinities;
            for (int i = 0; i < a.length; i += 4) {
                int number = n + (a[i] & 0xff);
                int code = ((a[i + 1] & 0xff) << 8) | (a[i + 2] & 0xff);
                while (affinityWriters.size() <= code) {
                    affinityWriters.add(new ArrayList<>());
                }
                for (int k = 1; k <= (a[i + 3] & 0xff); k++) {
                    writer(affinityWriters.get(code), k).add(number);
                }
            }
        }
        Partial p = new Partial(new ArrayList<>(), new ArrayList<>());
        facetWriters.forEach(w -> p.facets.add(optimized(w.get())));
        for (List<RoaringBitmapWriter<RoaringBitmap>> writers : affinityWriters) {
            List<RoaringBitmap> bands = new ArrayList<>();
            writers.forEach(w -> bands.add(optimized(w.get())));
            p.affinity.add(bands);
        }
        return p;
    }

    private static RoaringBitmap optimized(RoaringBitmap r) {
        r.runOptimize();
        return r;
    }

    /** The bitmaps of a range of numbers; the affinity lists hold bands 0 up to the highest seen. */
    private record Partial(List<RoaringBitmap> facets, List<List<RoaringBitmap>> affinity) {
        Bitmaps joined(Partial upper) {
            Bitmaps b = new Bitmaps(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < Math.max(facets.size(), upper.facets.size()); i++) {
                b.facets.add(RoaringBitmap.or(at(facets, i), at(upper.facets, i)));
            }
            for (int code = 0; code < Math.max(affinity.size(), upper.affinity.size()); code++) {
                RoaringBitmap[] bands = b.affinity(code);
                List<RoaringBitmap> low = code < affinity.size() ? affinity.get(code) : List.of();
                List<RoaringBitmap> high = code < upper.affinity.size() ? upper.affinity.get(code) : List.of();
                for (int k = 1; k <= BANDS; k++) {
                    bands[k] = RoaringBitmap.or(at(low, k), at(high, k));
                }
            }
            return b;
        }

        private static RoaringBitmap at(List<RoaringBitmap> list, int i) {
            return i < list.size() ? list.get(i) : new RoaringBitmap();
        }
    }

    private static RoaringBitmapWriter<RoaringBitmap> writer(List<RoaringBitmapWriter<RoaringBitmap>> writers, int index) {
        while (writers.size() <= index) {
            // A bitmap buffer per container: dense facets (present, consents) fill it without array containers.
            writers.add(RoaringBitmapWriter.writer().constantMemory().get());
        }
        return writers.get(index);
    }

    /**
     * Takes the next free number for a new profile. Writer thread only.
     *
     * @param uid the profile's uid
     * @param tx  stores the chunk's uids and, when the population grows into a new chunk, its page
     * @return the number
     */
    int add(String uid, Transaction tx) {
        ensureBuilt();
        int number;
        Chunk chunk;
        lock.writeLock().lock();
        try {
            number = size;
            chunk = chunk(number);
            if (chunk == null) {
                chunk = createChunk(number, tx);
            }
            size++;
        } finally {
            lock.writeLock().unlock();
        }
        tx.store(this);
        chunk.replaceUids(UidBlock.with(chunk.uidBlock(), number % CHUNK, uid), tx);
        return number;
    }

    /**
     * Indexes a profile's current state (new or changed). Writer thread only.
     *
     * @param number its number
     * @param p      the profile
     * @param tx     stores the changed chunk arrays
     */
    void update(int number, Profile p, Transaction tx) {
        ensureBuilt();
        Chunk chunk = chunk(number);
        int slot = number % CHUNK;
        lock.writeLock().lock();
        try {
            replaceFacets(chunk, number, slot, facets(p, chunk.facets, slot * FACET_BYTES, tx), tx);
            replaceAffinities(chunk, number, slot, bands(p, tx), tx);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Records the group of a profile's latest NPS answer. Writer thread only.
     *
     * @param number the profile's number
     * @param nps    the score, 0–10
     * @param tx     the transaction
     */
    void recordNps(int number, int nps, Transaction tx) {
        ensureBuilt();
        Chunk chunk = chunk(number);
        int slot = number % CHUNK;
        byte[] next = Arrays.copyOfRange(chunk.facets, slot * FACET_BYTES, (slot + 1) * FACET_BYTES);
        next[5] = (byte) (1 + NPS_GROUPS.indexOf(npsGroup(nps)));
        lock.writeLock().lock();
        try {
            replaceFacets(chunk, number, slot, next, tx);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes a profile from the index and forgets its uid (erasure). Writer thread only.
     *
     * @param number its number
     * @param tx     the transaction
     */
    void remove(int number, Transaction tx) {
        ensureBuilt();
        Chunk chunk = chunk(number);
        int slot = number % CHUNK;
        lock.writeLock().lock();
        try {
            replaceFacets(chunk, number, slot, new byte[FACET_BYTES], tx);
            replaceAffinities(chunk, number, slot, new int[0], tx);
        } finally {
            lock.writeLock().unlock();
        }
        chunk.replaceUids(UidBlock.with(chunk.uidBlock(), slot, null), tx);
    }

    /**
     * The uid behind a number (loads that chunk's uids on first use).
     *
     * @param number the number
     * @return the uid, or null for an erased profile
     */
    public String uid(int number) {
        ensureBuilt();
        Chunk chunk;
        lock.readLock().lock();
        try {
            chunk = number < 0 || number >= size ? null : chunk(number);
        } finally {
            lock.readLock().unlock();
        }
        if (chunk == null) {
            return null;
        }
        return UidBlock.at(chunk.uidBlock(), number % CHUNK);
    }

    /**
     * The numbers of every profile an audience reaches.
     *
     * @param q the audience
     * @return the numbers, in order
     */
    public RoaringBitmap select(Query q) {
        ensureBuilt();
        lock.readLock().lock();
        try {
            Bitmaps b = bitmaps;
            RoaringBitmap result = RoaringBitmap.and(b.at(Bitmaps.PRESENT_AT), b.at(Bitmaps.MARKETING_AT));
            RoaringBitmap platforms = new RoaringBitmap();
            for (int i = 0; i < PLATFORMS.size(); i++) {
                if (q.platforms().isEmpty() || q.platforms().contains(PLATFORMS.get(i))) {
                    platforms.or(b.at(Bitmaps.PLATFORMS_AT + i));
                }
            }
            result.and(platforms);
            if (!q.homeStoreIds().isEmpty()) {
                result.and(union(q.homeStoreIds(), id -> {
                    int code = stores.indexOf(id);
                    return code < 0 ? null : b.at(Bitmaps.STORES_AT + code);
                }));
            }
            if (!q.locales().isEmpty()) {
                result.and(union(q.locales(), l -> pick(b, Bitmaps.LOCALES_AT, indexOf(Locales.SUPPORTED, l))));
            }
            if (!q.ageBands().isEmpty()) {
                result.and(union(q.ageBands(), a -> pick(b, Bitmaps.AGE_BANDS_AT, indexOf(AgeBand.VALUES, a))));
            }
            if (!q.npsGroups().isEmpty()) {
                result.and(union(q.npsGroups(), g -> pick(b, Bitmaps.NPS_AT, indexOf(NPS_GROUPS, g))));
            }
            if (q.category() != null) {
                int code = categories.indexOf(q.category());
                int band = q.minBand();
                RoaringBitmap match = code < 0 || code >= b.affinity.size() ? new RoaringBitmap() : b.affinity.get(code)[band];
                result.and(match);
            }
            if (q.contactedSince() != null) {
                int since = day(q.contactedSince());
                RoaringBitmap stale = new RoaringBitmap();
                result.forEach((int number) -> {
                    Chunk chunk = chunk(number);
                    int at = (number % CHUNK) * FACET_BYTES;
                    int last = ((chunk.facets[at + 6] & 0xff) << 8) | (chunk.facets[at + 7] & 0xff);
                    if (last < since) {
                        stale.add(number);
                    }
                });
                result.andNot(stale);
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * An audience in index terms.
     *
     * @param homeStoreIds   any of these home stores (empty: any)
     * @param locales        any of these locales
     * @param platforms      a device of any of these platforms (empty: any platform)
     * @param ageBands       any of these age bands
     * @param npsGroups      latest NPS answer in any of these groups
     * @param category       an affinity to this category, or null
     * @param minBand        at least this affinity band (1–10, tenths) when a category is given
     * @param contactedSince last contact on or after this day, or null
     */
    public record Query(List<String> homeStoreIds, List<String> locales, List<String> platforms, List<String> ageBands,
                        List<String> npsGroups, String category, int minBand, LocalDate contactedSince) {
        /** Checks the band. */
        public Query {
            if (category != null && (minBand < 1 || minBand > BANDS)) {
                throw new IllegalArgumentException("minBand must be 1…" + BANDS);
            }
        }
    }

    /** {@code List.of} lists throw on {@code indexOf(null)}; a missing value has no code. */
    private static int indexOf(List<String> values, String value) {
        return value == null ? -1 : values.indexOf(value);
    }

    private static RoaringBitmap pick(Bitmaps b, int first, int index) {
        return index < 0 ? null : b.at(first + index);
    }

    private static RoaringBitmap union(List<String> values, java.util.function.Function<String, RoaringBitmap> lookup) {
        RoaringBitmap union = new RoaringBitmap();
        for (String v : values) {
            RoaringBitmap b = lookup.apply(v);
            if (b != null) {
                union.or(b);
            }
        }
        return union;
    }

    private Chunk chunk(int number) {
        int c = number / CHUNK;
        Page page = pages[c / CHUNKS_PER_PAGE];
        return page == null ? null : page.chunks[c % CHUNKS_PER_PAGE];
    }

    private Chunk createChunk(int number, Transaction tx) {
        int c = number / CHUNK;
        Page page = pages[c / CHUNKS_PER_PAGE];
        if (page == null) {
            page = new Page();
            pages[c / CHUNKS_PER_PAGE] = page;
            tx.store(pages);
        }
        Chunk chunk = new Chunk();
        page.chunks[c % CHUNKS_PER_PAGE] = chunk;
        tx.store(page.chunks);
        return chunk;
    }

    /** The facet bytes of a profile; dictionaries grow (and are stored) for new stores. Under the write lock. */
    private byte[] facets(Profile p, byte[] current, int at, Transaction tx) {
        byte[] f = new byte[FACET_BYTES];
        int flags = PRESENT;
        flags |= p.allows(ConsentPurpose.MARKETING_PUSH) ? MARKETING : 0;
        flags |= p.allows(ConsentPurpose.PERSONALIZATION) ? PERSONALIZATION : 0;
        flags |= p.allows(ConsentPurpose.CONTACT) ? CONTACT : 0;
        for (Device d : p.devices()) {
            flags |= switch (d.platform()) {
                case "android" -> ANDROID;
                case "ios" -> IOS;
                default -> DESKTOP;
            };
        }
        f[0] = (byte) flags;
        int store = p.homeStoreId() == null ? 0 : 1 + code(stores, p.homeStoreId(), tx);
        f[1] = (byte) (store >>> 8);
        f[2] = (byte) store;
        f[3] = (byte) (1 + indexOf(Locales.SUPPORTED, p.locale()));
        f[4] = (byte) (1 + indexOf(AgeBand.VALUES, p.ageBand()));
        f[5] = current[at + 5];
        int last = 0;
        for (Interaction i : p.history()) {
            last = Math.max(last, day(LocalDate.ofInstant(i.at(), java.time.ZoneOffset.UTC)));
        }
        f[6] = (byte) (last >>> 8);
        f[7] = (byte) last;
        return f;
    }

    /** (category code, band) pairs for every affinity of at least 0.1. */
    private int[] bands(Profile p, Transaction tx) {
        List<int[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Double> e : p.affinities().entrySet()) {
            int band = band(e.getValue());
            if (band > 0) {
                pairs.add(new int[] {code(categories, e.getKey(), tx), band});
            }
        }
        int[] flat = new int[pairs.size() * 2];
        for (int i = 0; i < pairs.size(); i++) {
            flat[2 * i] = pairs.get(i)[0];
            flat[2 * i + 1] = pairs.get(i)[1];
        }
        return flat;
    }

    /**
     * The affinity band of a value: how many whole tenths it reaches (a tiny tolerance, because
     * 0.1 + 0.2 is 0.30000000000000004 and 0.9 × 0.3 + 0.03 is 0.29999999999999993).
     */
    static int band(double affinity) {
        return (int) Math.max(0, Math.min(BANDS, Math.floor(affinity * 10 + 1e-9)));
    }

    private static int code(ArrayList<String> dictionary, String value, Transaction tx) {
        int code = dictionary.indexOf(value);
        if (code >= 0) {
            return code;
        }
        if (dictionary.size() >= 0xfffe) {
            throw new IllegalStateException("More than 65,534 distinct values in an audience dictionary");
        }
        dictionary.add(value);
        tx.store(dictionary);
        return dictionary.size() - 1;
    }

    private static int day(LocalDate date) {
        return (int) Math.max(1, Math.min(0xffff, date.toEpochDay() - DAY_ZERO + 1));
    }

    private void replaceFacets(Chunk chunk, int number, int slot, byte[] next, Transaction tx) {
        int at = slot * FACET_BYTES;
        if (Arrays.equals(chunk.facets, at, at + FACET_BYTES, next, 0, FACET_BYTES)) {
            return;
        }
        facetIndexes(chunk.facets, at, index -> bitmaps.at(index).remove(number));
        System.arraycopy(next, 0, chunk.facets, at, FACET_BYTES);
        facetIndexes(chunk.facets, at, index -> bitmaps.at(index).add(number));
        tx.store(chunk.facets);
    }

    /** Gives the index (in {@link Bitmaps#facets}) of every bitmap a profile's facet bytes name. */
    private static void facetIndexes(byte[] facets, int at, IntConsumer to) {
        int flags = facets[at] & 0xff;
        if ((flags & PRESENT) == 0) {
            return;
        }
        to.accept(Bitmaps.PRESENT_AT);
        flag(flags, MARKETING, Bitmaps.MARKETING_AT, to);
        flag(flags, PERSONALIZATION, Bitmaps.PERSONALIZATION_AT, to);
        flag(flags, CONTACT, Bitmaps.CONTACT_AT, to);
        flag(flags, ANDROID, Bitmaps.PLATFORMS_AT, to);
        flag(flags, IOS, Bitmaps.PLATFORMS_AT + 1, to);
        flag(flags, DESKTOP, Bitmaps.PLATFORMS_AT + 2, to);
        coded(facets[at + 3], Bitmaps.LOCALES_AT, Locales.SUPPORTED.size(), to);
        coded(facets[at + 4], Bitmaps.AGE_BANDS_AT, AgeBand.VALUES.size(), to);
        coded(facets[at + 5], Bitmaps.NPS_AT, NPS_GROUPS.size(), to);
        int store = ((facets[at + 1] & 0xff) << 8) | (facets[at + 2] & 0xff);
        if (store > 0) {
            to.accept(Bitmaps.STORES_AT + store - 1);
        }
    }

    private static void flag(int flags, int flag, int index, IntConsumer to) {
        if ((flags & flag) != 0) {
            to.accept(index);
        }
    }

    /** A coded byte: 0 for none, else 1 + the value's position among {@code count} values. */
    private static void coded(byte code, int first, int count, IntConsumer to) {
        int c = code & 0xff;
        if (c > 0 && c <= count) {
            to.accept(first + c - 1);
        }
    }

    private static void set(RoaringBitmap bitmap, int number, boolean add) {
        if (add) {
            bitmap.add(number);
        } else {
            bitmap.remove(number);
        }
    }

    private void replaceAffinities(Chunk chunk, int number, int slot, int[] pairs, Transaction tx) {
        byte[] old = chunk.affinities;
        if (Arrays.equals(pairsOf(old, slot), pairs)) {
            // Most changes (a new name, a device token) leave the affinities as they were; the
            // bitmaps of ten bands per category need not be touched then.
            return;
        }
        java.io.ByteArrayOutputStream next = new java.io.ByteArrayOutputStream(old.length + pairs.length * 2);
        boolean written = false;
        for (int i = 0; i < old.length; i += 4) {
            int s = old[i] & 0xff;
            if (s == slot) {
                setBands(bitmaps.affinity(((old[i + 1] & 0xff) << 8) | (old[i + 2] & 0xff)), number, old[i + 3] & 0xff, false);
                continue;
            }
            if (s > slot && !written) {
                writePairs(next, slot, pairs);
                written = true;
            }
            next.write(old, i, 4);
        }
        if (!written) {
            writePairs(next, slot, pairs);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            setBands(bitmaps.affinity(pairs[i]), number, pairs[i + 1], true);
        }
        byte[] bytes = next.toByteArray();
        if (!Arrays.equals(bytes, old)) {
            chunk.affinities = bytes;
            tx.store(chunk);
        }
    }

    /** The (category code, band) pairs stored for one slot, in stored order. */
    private static int[] pairsOf(byte[] affinities, int slot) {
        int count = 0;
        for (int i = 0; i < affinities.length; i += 4) {
            if ((affinities[i] & 0xff) == slot) {
                count++;
            }
        }
        int[] pairs = new int[count * 2];
        int at = 0;
        for (int i = 0; i < affinities.length; i += 4) {
            if ((affinities[i] & 0xff) == slot) {
                pairs[at++] = ((affinities[i + 1] & 0xff) << 8) | (affinities[i + 2] & 0xff);
                pairs[at++] = affinities[i + 3] & 0xff;
            }
        }
        return pairs;
    }

    private static void writePairs(java.io.ByteArrayOutputStream out, int slot, int[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            out.write(slot);
            out.write(pairs[i] >>> 8);
            out.write(pairs[i]);
            out.write(pairs[i + 1]);
        }
    }

    private static void setBands(RoaringBitmap[] bands, int number, int band, boolean add) {
        for (int k = 1; k <= band; k++) {
            set(bands[k], number, add);
        }
    }

    /** Bain's groups: 9–10 promoter, 7–8 passive, 0–6 detractor. */
    static String npsGroup(int nps) {
        return nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
    }
}
