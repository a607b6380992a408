package de.kundenpuls.server.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import de.kundenpuls.server.storage.Transaction;

/**
 * Score sums per store and store-local day, and within a day per touchpoint and category, plus the
 * few most recent comments of each. A dashboard query touches at most stores × days small maps,
 * whatever the number of raw answers. Writes on the storage writer thread only.
 */
public final class Aggregates {

    /** Comments kept per key and day. */
    public static final int RECENT_COMMENTS = 5;

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, ScoreCounts>> days = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, ArrayList<RecentComment>>> comments = new ConcurrentHashMap<>();

    /**
     * Adds one answer. Writer thread only.
     *
     * @param storeId    the store
     * @param day        store-local day
     * @param touchpoint the touchpoint
     * @param category   the category or null
     * @param rating     rating or null
     * @param nps        NPS or null
     * @param ces        CES or null
     * @param dimensions dimension scores
     * @param comment    a comment to keep among the recent ones, or null
     * @param tx         the transaction
     */
    public void add(String storeId, LocalDate day, String touchpoint, String category, Integer rating, Integer nps,
                    Integer ces, Map<String, Integer> dimensions, RecentComment comment, Transaction tx) {
        String dayKey = storeId + "|" + day;
        String key = touchpoint + "|" + (category == null ? "" : category);
        ConcurrentHashMap<String, ScoreCounts> inner = days.get(dayKey);
        if (inner == null) {
            inner = new ConcurrentHashMap<>();
            inner.put(key, ScoreCounts.EMPTY.plus(rating, nps, ces, dimensions));
            days.put(dayKey, inner);
            tx.store(days);
        } else {
            inner.merge(key, ScoreCounts.EMPTY.plus(rating, nps, ces, dimensions), ScoreCounts::plus);
            tx.store(inner);
        }
        if (comment != null) {
            ConcurrentHashMap<String, ArrayList<RecentComment>> dayComments = comments.get(dayKey);
            if (dayComments == null) {
                dayComments = new ConcurrentHashMap<>();
                comments.put(dayKey, dayComments);
                tx.store(comments);
            }
            ArrayList<RecentComment> list = dayComments.get(key);
            if (list == null) {
                list = new ArrayList<>();
                dayComments.put(key, list);
                tx.store(dayComments);
            }
            synchronized (list) {
                list.add(comment);
                list.sort((a, b) -> b.at().compareTo(a.at()));
                while (list.size() > RECENT_COMMENTS) {
                    list.remove(list.size() - 1);
                }
            }
            tx.store(list);
        }
    }

    /**
     * Visits the counts of one store and day.
     *
     * @param storeId the store
     * @param day     the day
     * @param visitor gets touchpoint, category ("" for none) and counts
     */
    public void forDay(String storeId, LocalDate day, Visitor visitor) {
        ConcurrentHashMap<String, ScoreCounts> inner = days.get(storeId + "|" + day);
        if (inner == null) {
            return;
        }
        inner.forEach((key, counts) -> {
            int bar = key.indexOf('|');
            visitor.visit(key.substring(0, bar), key.substring(bar + 1), counts);
        });
    }

    /**
     * Visits the recent comments of one store and day.
     *
     * @param storeId the store
     * @param day     the day
     * @param visitor gets "touchpoint|category" and the comments
     */
    public void commentsOfDay(String storeId, LocalDate day, BiConsumer<String, List<RecentComment>> visitor) {
        ConcurrentHashMap<String, ArrayList<RecentComment>> inner = comments.get(storeId + "|" + day);
        if (inner == null) {
            return;
        }
        inner.forEach((key, list) -> {
            synchronized (list) {
                visitor.accept(key, new ArrayList<>(list));
            }
        });
    }

    /**
     * Removes comments of erased answers. Writer thread only.
     *
     * @param feedbackIds the answers whose comments must go
     * @param tx          the transaction
     */
    public void removeComments(java.util.Set<UUID> feedbackIds, Transaction tx) {
        if (feedbackIds.isEmpty()) {
            return;
        }
        comments.values().forEach(inner -> inner.values().forEach(list -> {
            synchronized (list) {
                if (list.removeIf(c -> feedbackIds.contains(c.feedbackId()))) {
                    tx.store(list);
                }
            }
        }));
    }

    /** Receives one aggregate. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * Visits.
         *
         * @param touchpoint the touchpoint
         * @param category   the category, "" for none
         * @param counts     the counts
         */
        void visit(String touchpoint, String category, ScoreCounts counts);
    }

    /**
     * A comment shown next to the scores.
     *
     * @param feedbackId the answer it came with
     * @param at         when it was given
     * @param text       the comment
     * @param rating     its rating, or null
     * @param nps        its NPS, or null
     */
    public record RecentComment(UUID feedbackId, java.time.Instant at, String text, Integer rating, Integer nps) {
    }
}
