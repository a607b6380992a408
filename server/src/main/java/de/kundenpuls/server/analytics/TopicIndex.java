package de.kundenpuls.server.analytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;

/**
 * How often each comment term was used, by detractors, by promoters and by everyone: per store,
 * store-local day and key ({@code language|touchpoint|category}, each part also as {@code *}),
 * kept up to date with every accepted comment and every erasure, so that topics are computed from
 * counts, never by reading comments again.
 *
 * <p>Stored layout like {@link Rollups}: per store, year → 366 day cells behind {@link Lazy}; a
 * cell holds one encoded table per key. A commit stores the tables it changed, whose size is
 * bounded by the vocabulary of one day, not by the number of comments. Writer thread only for
 * changes; readers see concurrent maps of immutable arrays.
 */
public final class TopicIndex {

    /** The table entry holding the number of comments themselves. */
    public static final String COMMENTS = "";

    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, Lazy<Cell[]>>> stores = new ConcurrentHashMap<>();

    /** Whether a comment's answer was a detractor's, a promoter's, or neither. */
    public enum Group {
        /** Rating 1–2 or NPS 0–6. */
        DETRACTOR,
        /** Rating 5 or NPS 9–10. */
        PROMOTER,
        /** Everyone else. */
        PASSIVE;

        /**
         * The group of an answer.
         *
         * @param rating the smiley, or null
         * @param nps    the NPS answer, or null
         * @return its group
         */
        public static Group of(Integer rating, Integer nps) {
            if ((rating != null && rating <= 2) || (nps != null && nps <= 6)) {
                return DETRACTOR;
            }
            if ((rating != null && rating == 5) || (nps != null && nps >= 9)) {
                return PROMOTER;
            }
            return PASSIVE;
        }
    }

    /**
     * A term's counts: comments using it, by group.
     *
     * @param label      the words customers wrote for it
     * @param detractors comments of detractors
     * @param promoters  comments of promoters
     * @param all        all comments
     */
    public record Count(String label, long detractors, long promoters, long all) {

        Count plus(Count other) {
            return new Count(label, detractors + other.detractors, promoters + other.promoters, all + other.all);
        }
    }

    /** One day of a store. */
    public static final class Cell {
        private final ConcurrentHashMap<String, byte[]> tables = new ConcurrentHashMap<>();
    }

    /**
     * Counts a comment (or takes it back, on erasure) at once. Writer thread only.
     *
     * @param storeId    the store
     * @param day        its local day
     * @param touchpoint the touchpoint
     * @param category   the product's category, or null
     * @param analysed   the comment's language and terms
     * @param group      its answer's group
     * @param sign       1 to count it, −1 to take it back (erasure)
     * @param tx         the commit
     */
    public void count(String storeId, LocalDate day, String touchpoint, String category, CommentTerms.Analysed analysed,
                      Group group, int sign, Transaction tx) {
        Batch one = batch();
        one.count(storeId, day, touchpoint, category, analysed, group, sign);
        one.apply(tx);
    }

    /**
     * Starts a batch of counts for one commit: the tables a batch touches are decoded and stored
     * once, however many of its comments they count.
     *
     * @return the batch
     */
    public Batch batch() {
        return new Batch();
    }

    /** Counts gathered for one commit; applied with {@link #apply}. Writer thread only. */
    public final class Batch {
        private final Map<String, Map<String, Map<String, Count>>> byCell = new java.util.LinkedHashMap<>();
        private final Map<String, LocalDate> days = new HashMap<>();

        private Batch() {
        }

        /**
         * Counts a comment in this batch.
         *
         * @param storeId    the store
         * @param day        its local day
         * @param touchpoint the touchpoint
         * @param category   the product's category, or null
         * @param analysed   the comment's language and terms
         * @param group      its answer's group
         */
        public void count(String storeId, LocalDate day, String touchpoint, String category, CommentTerms.Analysed analysed,
                          Group group) {
            count(storeId, day, touchpoint, category, analysed, group, 1);
        }

        private void count(String storeId, LocalDate day, String touchpoint, String category, CommentTerms.Analysed analysed,
                           Group group, int sign) {
            String cellKey = storeId + "|" + day;
            days.put(cellKey, day);
            Map<String, Map<String, Count>> tables = byCell.computeIfAbsent(cellKey, k -> new HashMap<>());
            for (String key : keys(analysed.language(), touchpoint, category)) {
                Map<String, Count> delta = tables.computeIfAbsent(key, k -> new HashMap<>());
                add(delta, COMMENTS, "", group, sign);
                analysed.terms().forEach((term, label) -> add(delta, term, label, group, sign));
            }
        }

        /**
         * Adds the batch's counts to the stored tables.
         *
         * @param tx the commit
         */
        public void apply(Transaction tx) {
            byCell.forEach((cellKey, tables) -> {
                String storeId = cellKey.substring(0, cellKey.lastIndexOf('|'));
                Cell cell = cell(storeId, days.get(cellKey), tx);
                tables.forEach((key, delta) -> {
                    byte[] current = cell.tables.get(key);
                    Map<String, Count> table = current == null ? new HashMap<>() : decode(current);
                    delta.forEach((term, count) -> table.merge(term, count, Count::plus));
                    // An erasure takes counts back: a term nobody uses any more leaves the table.
                    table.values().removeIf(c -> c.all() <= 0);
                    cell.tables.put(key, encode(table));
                });
                tx.store(cell.tables);
            });
            byCell.clear();
        }
    }

    private static List<String> keys(String language, String touchpoint, String category) {
        String cat = category == null ? "" : category;
        return List.of(key(language, touchpoint, cat), key(language, touchpoint, Rollups.ALL), key(language, Rollups.ALL, cat),
                key(language, Rollups.ALL, Rollups.ALL));
    }

    /**
     * Adds up the counts of a key over days.
     *
     * @param storeId the store
     * @param from    first day
     * @param to      last day
     * @param key     e.g. {@code de|checkout|*}
     * @param into    the sums by term ({@link #COMMENTS}: the comments themselves)
     */
    public void sum(String storeId, LocalDate from, LocalDate to, String key, Map<String, Count> into) {
        ConcurrentHashMap<Integer, Lazy<Cell[]>> years = stores.get(storeId);
        if (years == null) {
            return;
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Lazy<Cell[]> cells = years.get(d.getYear());
            if (cells == null) {
                d = LocalDate.of(d.getYear(), 12, 31);
                continue;
            }
            Cell cell = cells.get()[d.getDayOfYear() - 1];
            byte[] table = cell == null ? null : cell.tables.get(key);
            if (table != null) {
                decode(table).forEach((term, count) -> into.merge(term, count, Count::plus));
            }
        }
    }

    /**
     * The key of a table.
     *
     * @param language   de or en
     * @param touchpoint a touchpoint or {@code *}
     * @param category   a category, {@code ""} for answers without a product, or {@code *}
     * @return the key
     */
    public static String key(String language, String touchpoint, String category) {
        return language + "|" + touchpoint + "|" + category;
    }

    private static void add(Map<String, Count> table, String term, String label, Group group, int sign) {
        Count one = new Count(label, group == Group.DETRACTOR ? sign : 0, group == Group.PROMOTER ? sign : 0, sign);
        table.merge(term, one, Count::plus);
    }

    private Cell cell(String storeId, LocalDate day, Transaction tx) {
        ConcurrentHashMap<Integer, Lazy<Cell[]>> years = stores.get(storeId);
        if (years == null) {
            years = new ConcurrentHashMap<>();
            stores.put(storeId, years);
            tx.store(stores);
        }
        Lazy<Cell[]> ref = years.get(day.getYear());
        Cell[] cells;
        if (ref == null) {
            cells = new Cell[366];
            years.put(day.getYear(), Lazy.Reference(cells));
            tx.store(years);
        } else {
            cells = ref.get();
        }
        int slot = day.getDayOfYear() - 1;
        if (cells[slot] == null) {
            cells[slot] = new Cell();
            tx.store(cells);
        }
        return cells[slot];
    }

    private static byte[] encode(Map<String, Count> table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * table.size() + 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(table.size());
            for (Map.Entry<String, Count> e : table.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().label());
                out.writeInt((int) e.getValue().detractors());
                out.writeInt((int) e.getValue().promoters());
                out.writeInt((int) e.getValue().all());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Count> decode(byte[] table) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(table))) {
            int n = in.readInt();
            Map<String, Count> result = new HashMap<>(2 * n);
            for (int i = 0; i < n; i++) {
                result.put(in.readUTF(), new Count(in.readUTF(), in.readInt(), in.readInt(), in.readInt()));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
