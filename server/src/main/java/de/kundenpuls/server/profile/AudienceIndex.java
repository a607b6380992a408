package de.kundenpuls.server.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.kundenpuls.model.profile.AgeBand;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Locales;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;
import org.roaringbitmap.RoaringBitmap;

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
        private final Lazy<String[]> uids = Lazy.Reference(new String[CHUNK]);
    }

    /** The in-memory bitmaps, rebuilt at start. */
    private static final class Bitmaps {
        final RoaringBitmap present = new RoaringBitmap();
        final RoaringBitmap marketing = new RoaringBitmap();
        final RoaringBitmap personalization = new RoaringBitmap();
        final RoaringBitmap contact = new RoaringBitmap();
        final RoaringBitmap[] platforms = {new RoaringBitmap(), new RoaringBitmap(), new RoaringBitmap()};
        final List<RoaringBitmap> stores = new ArrayList<>();
        final RoaringBitmap[] locales = fresh(Locales.SUPPORTED.size());
        final RoaringBitmap[] ageBands = fresh(AgeBand.VALUES.size());
        final RoaringBitmap[] nps = fresh(NPS_GROUPS.size());
        final List<RoaringBitmap[]> affinity = new ArrayList<>();

        private static RoaringBitmap[] fresh(int n) {
            RoaringBitmap[] b = new RoaringBitmap[n];
            for (int i = 0; i < n; i++) {
                b[i] = new RoaringBitmap();
            }
            return b;
        }

        RoaringBitmap store(int code) {
            while (stores.size() <= code) {
                stores.add(new RoaringBitmap());
            }
            return stores.get(code);
        }

        RoaringBitmap[] affinity(int code) {
            while (affinity.size() <= code) {
                affinity.add(fresh(BANDS + 1));
            }
            return affinity.get(code);
        }
    }

    /** Number of profiles in the index. */
    public long count() {
        ensureBuilt();
        lock.readLock().lock();
        try {
            return bitmaps.present.getLongCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Builds the in-memory bitmaps from the stored facets. Called at start, so the first audience
     * after a restart does not pay for it; safe to call again.
     */
    public synchronized void ensureBuilt() {
        if (bitmaps != null) {
            return;
        }
        lock = new ReentrantReadWriteLock();
        Bitmaps b = new Bitmaps();
        for (int n = 0; n < size; n += CHUNK) {
            Chunk chunk = chunk(n);
            if (chunk == null) {
                continue;
            }
            for (int slot = 0; slot < CHUNK && n + slot < size; slot++) {
                addFacets(b, n + slot, chunk.facets, slot * FACET_BYTES, true);
            }
            byte[] a = chunk.affinities;
            for (int i = 0; i < a.length; i += 4) {
                int number = n + (a[i] & 0xff);
                RoaringBitmap[] bands = b.affinity(((a[i + 1] & 0xff) << 8) | (a[i + 2] & 0xff));
                for (int k = 1; k <= (a[i + 3] & 0xff); k++) {
                    bands[k].add(number);
                }
            }
        }
        for (RoaringBitmap r : all(b)) {
            r.runOptimize();
        }
        bitmaps = b;
    }

    private static List<RoaringBitmap> all(Bitmaps b) {
        List<RoaringBitmap> all = new ArrayList<>(List.of(b.present, b.marketing, b.personalization, b.contact));
        all.addAll(Arrays.asList(b.platforms));
        all.addAll(b.stores);
        all.addAll(Arrays.asList(b.locales));
        all.addAll(Arrays.asList(b.ageBands));
        all.addAll(Arrays.asList(b.nps));
        b.affinity.forEach(bands -> all.addAll(Arrays.asList(bands)));
        return all;
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
        String[] uids = chunk.uids.get();
        synchronized (uids) {
            uids[number % CHUNK] = uid;
        }
        tx.store(uids);
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
        String[] uids = chunk.uids.get();
        synchronized (uids) {
            uids[slot] = null;
        }
        tx.store(uids);
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
        String[] uids = chunk.uids.get();
        synchronized (uids) {
            return uids[number % CHUNK];
        }
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
            RoaringBitmap result = RoaringBitmap.and(b.present, b.marketing);
            RoaringBitmap platforms = new RoaringBitmap();
            for (int i = 0; i < PLATFORMS.size(); i++) {
                if (q.platforms().isEmpty() || q.platforms().contains(PLATFORMS.get(i))) {
                    platforms.or(b.platforms[i]);
                }
            }
            result.and(platforms);
            if (!q.homeStoreIds().isEmpty()) {
                result.and(union(q.homeStoreIds(), id -> {
                    int code = stores.indexOf(id);
                    return code < 0 || code >= b.stores.size() ? null : b.stores.get(code);
                }));
            }
            if (!q.locales().isEmpty()) {
                result.and(union(q.locales(), l -> pick(b.locales, indexOf(Locales.SUPPORTED, l))));
            }
            if (!q.ageBands().isEmpty()) {
                result.and(union(q.ageBands(), a -> pick(b.ageBands, indexOf(AgeBand.VALUES, a))));
            }
            if (!q.npsGroups().isEmpty()) {
                result.and(union(q.npsGroups(), g -> pick(b.nps, indexOf(NPS_GROUPS, g))));
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

    private static RoaringBitmap pick(RoaringBitmap[] bitmaps, int index) {
        return index < 0 ? null : bitmaps[index];
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
        addFacets(bitmaps, number, chunk.facets, at, false);
        System.arraycopy(next, 0, chunk.facets, at, FACET_BYTES);
        addFacets(bitmaps, number, chunk.facets, at, true);
        tx.store(chunk.facets);
    }

    /** Adds a profile to (or removes it from) the bitmaps its facet bytes name. */
    private static void addFacets(Bitmaps b, int number, byte[] facets, int at, boolean add) {
        int flags = facets[at] & 0xff;
        if ((flags & PRESENT) == 0) {
            return;
        }
        set(b.present, number, add);
        set(b.marketing, number, add && (flags & MARKETING) != 0);
        set(b.personalization, number, add && (flags & PERSONALIZATION) != 0);
        set(b.contact, number, add && (flags & CONTACT) != 0);
        set(b.platforms[0], number, add && (flags & ANDROID) != 0);
        set(b.platforms[1], number, add && (flags & IOS) != 0);
        set(b.platforms[2], number, add && (flags & DESKTOP) != 0);
        int store = ((facets[at + 1] & 0xff) << 8) | (facets[at + 2] & 0xff);
        if (store > 0) {
            set(b.store(store - 1), number, add);
        }
        setCoded(b.locales, facets[at + 3], number, add);
        setCoded(b.ageBands, facets[at + 4], number, add);
        setCoded(b.nps, facets[at + 5], number, add);
    }

    private static void setCoded(RoaringBitmap[] bitmaps, byte code, int number, boolean add) {
        int c = code & 0xff;
        if (c > 0 && c <= bitmaps.length) {
            set(bitmaps[c - 1], number, add);
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
