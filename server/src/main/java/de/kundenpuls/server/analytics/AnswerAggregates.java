package de.kundenpuls.server.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.kundenpuls.server.storage.Transaction;

/**
 * What the analytics feature keeps of each accepted answer, as capture reports it: the store-day's
 * roll-up cells (with the comment among the recent ones) and the alert check of its touchpoint.
 * Only this feature writes {@link Rollups} and {@link AlertLog}. Writer thread only.
 */
public final class AnswerAggregates {

    // The newest unhappy comments' terms per store and touchpoint, for naming an alert's pain
    // point; writer thread only, bounded by the catalog (stores × touchpoints) and KEEP each.
    private final Map<String, UnhappyComments> unhappyComments = new HashMap<>();
    private final Rollups rollups;
    private final TopicIndex topics;
    private final AlertMonitor alerts;
    private final AlertLog alertLog;
    private final LiveEvents events;

    /**
     * @param rollups  the roll-ups
     * @param topics   the comment terms' counts
     * @param alerts   the alert monitor
     * @param alertLog where raised alerts are kept
     * @param events   where a raised alert is announced, after its commit
     */
    public AnswerAggregates(Rollups rollups, TopicIndex topics, AlertMonitor alerts, AlertLog alertLog, LiveEvents events) {
        this.rollups = rollups;
        this.topics = topics;
        this.alerts = alerts;
        this.alertLog = alertLog;
        this.events = events;
    }

    /**
     * Counts one accepted answer.
     *
     * @param storeId    where
     * @param day        the store's local day of the answer
     * @param touchpoint at which touchpoint
     * @param category   the rated product's category, or null
     * @param counts     its scores, counted before the writer was asked
     * @param comment    its comment for the recent list, or null
     * @param terms      its comment's terms (analysed before the writer was asked), or null
     * @param topics     the commit's batch of topic counts ({@link #topicBatch})
     * @param createdAt  when it was given
     * @param unhappy    whether it counts towards an alert
     * @param now        the commit's time
     * @param tx         the commit
     */
    public void add(String storeId, LocalDate day, String touchpoint, String category, ScoreCounts counts,
                    Rollups.RecentComment comment, CommentTerms.Analysed terms, TopicIndex.Batch topics, Instant createdAt,
                    boolean unhappy, Instant now, Transaction tx) {
        rollups.add(storeId, day, touchpoint, category, counts, comment, tx);
        if (terms != null && comment != null) {
            topics.count(storeId, day, touchpoint, category, terms, TopicIndex.Group.of(comment.rating(), comment.nps()));
        }
        if (unhappy && terms != null) {
            UnhappyComments recent = unhappyComments.computeIfAbsent(storeId + "|" + touchpoint, k -> new UnhappyComments());
            recent.add(createdAt, terms.terms());
        }
        alerts.record(storeId, touchpoint, createdAt, unhappy, now).ifPresent(alert -> {
            alertLog.append(alert, tx);
            String painPoint = painPoint(storeId, touchpoint, now);
            tx.afterCommit(() -> events.publish(new LiveEvents.Event("alert", alert.storeId(), alert.view(painPoint))));
        });
    }

    /**
     * A batch of topic counts for one commit; the capture applies it after its answers.
     *
     * @return the batch
     */
    public TopicIndex.Batch topicBatch() {
        return topics.batch();
    }

    /**
     * Drops erased answers' comments from the recent lists of a store-day (their scores stay).
     *
     * @param storeId     the store
     * @param day         the store's local day
     * @param feedbackIds the answers
     * @param tx          the commit
     */
    public void removeComments(String storeId, LocalDate day, Set<UUID> feedbackIds, Transaction tx) {
        rollups.removeComments(storeId, day, feedbackIds, tx);
    }

    /**
     * Takes an erased comment's terms back out of the topic counts. Writer thread only.
     *
     * @param storeId    the store
     * @param day        the store's local day of the answer
     * @param touchpoint its touchpoint
     * @param category   its product's category, or null
     * @param comment    the comment as it was
     * @param rating     the answer's smiley, or null
     * @param nps        the answer's NPS, or null
     * @param tx         the commit
     */
    public void forgetComment(String storeId, LocalDate day, String touchpoint, String category, String comment, Integer rating,
                              Integer nps, Transaction tx) {
        topics.count(storeId, day, touchpoint, category, CommentTerms.analyse(comment), TopicIndex.Group.of(rating, nps), -1, tx);
    }

    /** The term most of a touchpoint's unhappy comments within the alert window use (at least two), as written. */
    private String painPoint(String storeId, String touchpoint, Instant now) {
        UnhappyComments recent = unhappyComments.get(storeId + "|" + touchpoint);
        return recent == null ? null : recent.top(now.minus(alerts.window()));
    }

    /** A touchpoint's newest unhappy comments, as terms. */
    private static final class UnhappyComments {
        private static final int KEEP = 50;
        private final ArrayDeque<Map.Entry<Instant, Map<String, String>>> newest =
                new ArrayDeque<>();

        void add(Instant at, Map<String, String> terms) {
            newest.addFirst(Map.entry(at, terms));
            while (newest.size() > KEEP) {
                newest.removeLast();
            }
        }

        String top(Instant since) {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, String> labels = new HashMap<>();
            for (var e : newest) {
                if (e.getKey().isBefore(since)) {
                    continue;
                }
                e.getValue().forEach((term, label) -> {
                    counts.merge(term, 1, Integer::sum);
                    labels.putIfAbsent(term, label);
                });
            }
            return counts.entrySet().stream().filter(e -> e.getValue() >= 2)
                    // The most used; of as many, the longer (a phrase says more than its word), then by name.
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(e -> e.getKey().length())
                            .thenComparing(e -> e.getKey(), Comparator.reverseOrder()))
                    .map(e -> labels.get(e.getKey())).orElse(null);
        }
    }
}
