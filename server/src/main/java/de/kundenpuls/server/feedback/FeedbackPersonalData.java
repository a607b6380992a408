package de.kundenpuls.server.feedback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import de.kundenpuls.server.analytics.AnswerAggregates;
import de.kundenpuls.server.privacy.PersonalData;
import de.kundenpuls.server.storage.Transaction;

/**
 * A person's answers, for export and erasure. Erasure unlinks the answers and drops their comments
 * but keeps the anonymous scores.
 */
public final class FeedbackPersonalData implements PersonalData {

    private final FeedbackStore store;
    private final AnswerAggregates aggregates;
    private final Function<String, ZoneId> zoneOf;

    /**
     * Creates the holder.
     *
     * @param store      answers
     * @param aggregates the analytics of the answers (their recent comments)
     * @param zoneOf     a store's time zone, to find the day an answer was counted in
     */
    public FeedbackPersonalData(FeedbackStore store, AnswerAggregates aggregates, Function<String, ZoneId> zoneOf) {
        this.store = store;
        this.aggregates = aggregates;
        this.zoneOf = zoneOf;
    }

    @Override
    public String section() {
        return "feedback";
    }

    @Override
    public Optional<Object> export(String uid) {
        List<FeedbackEntry> answers = store.ofProfile(uid);
        return answers.isEmpty() ? Optional.empty() : Optional.of(Map.of("answers", answers));
    }

    @Override
    public void erase(String uid, Transaction tx) {
        Map<StoreDay, Set<UUID>> commented = new LinkedHashMap<>();
        for (FeedbackEntry e : store.anonymize(uid, tx)) {
            if (e.comment() != null) {
                StoreDay where = new StoreDay(e.storeId(), LocalDate.ofInstant(e.createdAt(), zoneOf.apply(e.storeId())));
                commented.computeIfAbsent(where, k -> new HashSet<>()).add(e.id());
                aggregates.forgetComment(e.storeId(), where.day(), e.touchpoint(), e.category(), e.comment(), e.rating(), e.nps(), tx);
            }
        }
        commented.forEach((where, ids) -> aggregates.removeComments(where.storeId(), where.day(), ids, tx));
    }

    private record StoreDay(String storeId, LocalDate day) {
    }
}
