package de.kundenpuls.server.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;

/**
 * Score sums per store and store-local day, ISO week and month, each split by touchpoint and
 * category, with the newest comments of each; updated on every accepted answer.
 *
 * <p>A query over any range reads one small cell per whole week or month in it and day cells
 * only at its edges, never raw answers. Each cell holds four sums per answer key, so that no
 * query has to add up the keys: {@code touchpoint|category}, {@code touchpoint|*},
 * {@code *|category} and {@code *|*} ({@code ""} is the category of answers without a product).
 *
 * <p>Stored layout: per store and granularity, year → a fixed array of cells (366 days, 53
 * weeks, 12 months) behind {@link Lazy}. A commit stores the cells it changed; a cell's size is
 * bounded by the catalog (touchpoints × categories), not by the number of answers. A start loads
 * no cell: a year's cells are read when a query or an answer first needs them (before
 * 2026-12-03b the cells of 50 stores over two years, two million objects, loaded at every start).
 * Writer thread only for changes; readers see concurrent maps of immutable values.
 */
public final class Rollups {

    /**
     * Comments kept per cell and key: the newest, and besides them as many of the newest unhappy ones
     * (rating ≤ 2 or NPS ≤ 6), so that a touchpoint's complaints are not pushed out by praise.
     */
    public static final int RECENT_COMMENTS = 10;
    /** The wildcard of a key part. */
    public static final String ALL = "*";

    private static final java.util.Comparator<RecentComment> NEWEST_FIRST = java.util.Comparator
            .comparingLong((RecentComment c) -> c.atSecond).thenComparingInt(c -> c.atNano).reversed();

    private final ConcurrentHashMap<String, StoreRollup> stores = new ConcurrentHashMap<>();

    /** The granularities that are kept; a quarter is three months. */
    public enum Level {
        /** A store-local day. */
        DAY(366),
        /** An ISO week (Monday to Sunday). */
        WEEK(53),
        /** A calendar month. */
        MONTH(12);

        private final int slots;

        Level(int slots) {
            this.slots = slots;
        }

        int year(LocalDate d) {
            return this == WEEK ? d.get(IsoFields.WEEK_BASED_YEAR) : d.getYear();
        }

        int slot(LocalDate d) {
            return switch (this) {
                case DAY -> d.getDayOfYear() - 1;
                case WEEK -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1;
                case MONTH -> d.getMonthValue() - 1;
            };
        }
    }

    /** One store's cells. */
    static final class StoreRollup {
        // Data directories from before 2026-12-03b hold a year's Cell[] directly in these maps;
        // upgrade() puts each behind a Lazy.
        private final ConcurrentHashMap<Integer, Lazy<Cell[]>> days = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<Integer, Lazy<Cell[]>> weeks = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<Integer, Lazy<Cell[]>> months = new ConcurrentHashMap<>();

        ConcurrentHashMap<Integer, Lazy<Cell[]>> of(Level level) {
            return switch (level) {
                case DAY -> days;
                case WEEK -> weeks;
                case MONTH -> months;
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void upgrade(Transaction tx) {
            for (Level level : Level.values()) {
                ConcurrentHashMap raw = of(level);
                boolean moved = false;
                for (Object year : raw.keySet()) {
                    Object value = raw.get(year);
                    if (value instanceof Cell[] cells) {
                        raw.put(year, Lazy.Reference(cells));
                        moved = true;
                    }
                }
                if (moved) {
                    tx.store(raw);
                }
            }
        }
    }

    /** How many years of cells (of any store and granularity) are in memory; for tests. */
    int loadedYears() {
        int loaded = 0;
        for (StoreRollup store : stores.values()) {
            for (Level level : Level.values()) {
                for (Lazy<Cell[]> year : store.of(level).values()) {
                    loaded += year.isLoaded() ? 1 : 0;
                }
            }
        }
        return loaded;
    }

    /**
     * The migration at start from the layout before 2026-12-03b. Writer thread only.
     *
     * @param tx stores what moved
     */
    public void upgrade(Transaction tx) {
        stores.values().forEach(store -> store.upgrade(tx));
    }

    /** The sums and comments of one store and period. */
    public static final class Cell {
        private final ConcurrentHashMap<String, ScoreCounts> counts = new ConcurrentHashMap<>();
        /**
         * The newest comments per key, newest first, encoded by {@link RecentComments}: one stored
         * array per key. As lists of comment objects (the layout before 2026-12-02g) the cells of
         * 50 stores over two years were two million objects to load at every start.
         */
        private volatile ConcurrentHashMap<String, byte[]> newestComments = new ConcurrentHashMap<>();
        /** The comments of cells stored before 2026-12-02g; moved into {@link #newestComments} on the cell's next change. */
        private volatile ConcurrentHashMap<String, ArrayList<RecentComment>> comments;

        /**
         * The sums of one key.
         *
         * @param key e.g. {@code checkout|*}
         * @return the sums, or null when no answer has that key
         */
        public ScoreCounts counts(String key) {
            return counts.get(key);
        }

        /**
         * Visits the newest comments of one key, newest first, until the visitor declines one.
         *
         * @param key     e.g. {@code *|*}
         * @param visitor returns false to stop
         */
        public void visitComments(String key, java.util.function.Predicate<RecentComment> visitor) {
            ConcurrentHashMap<String, byte[]> encoded = newestComments;
            if (encoded != null) {
                byte[] list = encoded.get(key);
                if (list != null) {
                    RecentComments.visit(list, visitor);
                }
                return;
            }
            ArrayList<RecentComment> list = comments.get(key);
            if (list == null) {
                return;
            }
            synchronized (list) {
                for (RecentComment c : list) {
                    if (!visitor.test(c)) {
                        return;
                    }
                }
            }
        }

        /** The encoded comments, moving those of the older layout first. Writer thread only. */
        ConcurrentHashMap<String, byte[]> newestComments(Transaction tx) {
            ConcurrentHashMap<String, byte[]> encoded = newestComments;
            if (encoded == null) {
                encoded = new ConcurrentHashMap<>();
                for (var e : comments.entrySet()) {
                    synchronized (e.getValue()) {
                        encoded.put(e.getKey(), RecentComments.encode(e.getValue()));
                    }
                }
                newestComments = encoded;
                comments = null;
                tx.store(this);
            }
            return encoded;
        }
    }

    /**
     * A comment shown next to the scores. Stored as bytes in its cell ({@link RecentComments});
     * stored as this object only in data directories from before 2026-12-02g.
     */
    public static final class RecentComment {
        private final long idHigh;
        private final long idLow;
        private final long atSecond;
        private final int atNano;
        private final String text;
        private final String touchpoint;
        private final byte rating;
        private final byte nps;

        /**
         * @param feedbackId the answer it came with
         * @param at         when it was given
         * @param text       the comment
         * @param touchpoint where
         * @param rating     its rating, or null
         * @param nps        its NPS, or null
         */
        public RecentComment(UUID feedbackId, Instant at, String text, String touchpoint, Integer rating, Integer nps) {
            this.idHigh = feedbackId.getMostSignificantBits();
            this.idLow = feedbackId.getLeastSignificantBits();
            this.atSecond = at.getEpochSecond();
            this.atNano = at.getNano();
            this.text = text;
            this.touchpoint = touchpoint.intern();
            this.rating = rating == null ? -1 : rating.byteValue();
            this.nps = nps == null ? -1 : nps.byteValue();
        }

        /** The answer it came with. */
        public UUID feedbackId() {
            return new UUID(idHigh, idLow);
        }

        /** When it was given. */
        public Instant at() {
            return Instant.ofEpochSecond(atSecond, atNano);
        }

        /** The comment. */
        public String text() {
            return text;
        }

        /** Where. */
        public String touchpoint() {
            return touchpoint;
        }

        /** Its rating, or null. */
        public Integer rating() {
            return rating < 0 ? null : (int) rating;
        }

        /** Its NPS, or null. */
        public Integer nps() {
            return nps < 0 ? null : (int) nps;
        }

        /** Whether it came with an unhappy answer: the line alerts and cases draw (rating 1–2, or NPS 0–6). */
        public boolean unhappy() {
            return (rating >= 0 && rating <= 2) || (nps >= 0 && nps <= 6);
        }

        boolean isAnswer(java.util.Set<UUID> ids) {
            return ids.contains(feedbackId());
        }
    }

    /**
     * Adds one answer to its day, week and month. Writer thread only.
     *
     * @param storeId    the store
     * @param day        store-local day
     * @param touchpoint the touchpoint
     * @param category   the category or null
     * @param counts     the answer's counts ({@link ScoreCounts#of})
     * @param comment    a comment to keep among the newest, or null
     * @param tx         the transaction
     */
    public void add(String storeId, LocalDate day, String touchpoint, String category, ScoreCounts counts,
                    RecentComment comment, Transaction tx) {
        StoreRollup store = stores.get(storeId);
        if (store == null) {
            store = new StoreRollup();
            stores.put(storeId, store);
            tx.store(stores);
        }
        String cat = category == null ? "" : category;
        String[] keys = {touchpoint + "|" + cat, touchpoint + "|" + ALL, ALL + "|" + cat, ALL + "|" + ALL};
        for (Level level : Level.values()) {
            Cell cell = cell(store, level, day, tx);
            for (String key : keys) {
                cell.counts.merge(key, counts, ScoreCounts::plus);
            }
            tx.store(cell.counts);
            if (comment != null) {
                ConcurrentHashMap<String, byte[]> newest = cell.newestComments(tx);
                for (String key : keys) {
                    byte[] current = newest.get(key);
                    List<RecentComment> list = current == null ? new ArrayList<>() : RecentComments.decode(current);
                    list.add(comment);
                    list.sort(NEWEST_FIRST);
                    newest.put(key, RecentComments.encode(kept(list)));
                }
                tx.store(newest);
            }
        }
    }

    /** Of a list newest first: the newest {@link #RECENT_COMMENTS}, then older unhappy ones up to as many unhappy in all. */
    static List<RecentComment> kept(List<RecentComment> newestFirst) {
        List<RecentComment> kept = new ArrayList<>(Math.min(newestFirst.size(), 2 * RECENT_COMMENTS));
        int unhappy = 0;
        for (RecentComment c : newestFirst) {
            boolean isUnhappy = c.unhappy();
            if (kept.size() < RECENT_COMMENTS || (isUnhappy && unhappy < RECENT_COMMENTS)) {
                kept.add(c);
                unhappy += isUnhappy ? 1 : 0;
            }
        }
        return kept;
    }

    private static Cell cell(StoreRollup store, Level level, LocalDate day, Transaction tx) {
        ConcurrentHashMap<Integer, Lazy<Cell[]>> years = store.of(level);
        int year = level.year(day);
        Lazy<Cell[]> ref = years.get(year);
        Cell[] cells;
        if (ref == null) {
            cells = new Cell[level.slots];
            years.put(year, Lazy.Reference(cells));
            tx.store(years);
        } else {
            cells = ref.get();
        }
        int slot = level.slot(day);
        Cell cell = cells[slot];
        if (cell == null) {
            cell = new Cell();
            cells[slot] = cell;
            tx.store(cells);
        }
        return cell;
    }

    /**
     * The cell of a store and period.
     *
     * @param storeId the store
     * @param level   the granularity
     * @param day     any day in the period
     * @return the cell, or null when the period has no answers
     */
    public Cell cell(String storeId, Level level, LocalDate day) {
        StoreRollup store = stores.get(storeId);
        if (store == null) {
            return null;
        }
        Lazy<Cell[]> cells = store.of(level).get(level.year(day));
        return cells == null ? null : cells.get()[level.slot(day)];
    }

    /**
     * Removes the comments of erased answers. Writer thread only. Looks at the day before and
     * after too, in case the store's time zone changed since the answer was given.
     *
     * @param storeId     the store
     * @param day         the store-local day of the answers
     * @param feedbackIds the answers whose comments must go
     * @param tx          the transaction
     */
    public void removeComments(String storeId, LocalDate day, Set<UUID> feedbackIds, Transaction tx) {
        for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (Level level : Level.values()) {
                Cell cell = cell(storeId, level, d);
                if (cell != null) {
                    removeFrom(cell.newestComments(tx), feedbackIds, tx);
                }
            }
        }
    }

    private static void removeFrom(ConcurrentHashMap<String, byte[]> lists, Set<UUID> ids, Transaction tx) {
        boolean changed = false;
        for (var e : lists.entrySet()) {
            List<RecentComment> list = RecentComments.decode(e.getValue());
            if (list.removeIf(c -> c.isAnswer(ids))) {
                lists.put(e.getKey(), RecentComments.encode(list));
                changed = true;
            }
        }
        if (changed) {
            tx.store(lists);
        }
    }
}
