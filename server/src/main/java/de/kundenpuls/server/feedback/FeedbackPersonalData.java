package de.kundenpuls.server.feedback;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.server.analytics.Aggregates;
import de.kundenpuls.server.cases.CaseStore;
import de.kundenpuls.server.cases.FollowUpCase;
import de.kundenpuls.server.privacy.PersonalData;
import de.kundenpuls.server.storage.Transaction;

/**
 * A person's answers and cases, for export and erasure. Erasure unlinks the answers and drops
 * their comments but keeps the anonymous scores; cases lose the customer link and the dialog text.
 */
public final class FeedbackPersonalData implements PersonalData {

    private final FeedbackStore store;
    private final Aggregates aggregates;
    private final CaseStore cases;
    private final Clock clock;

    /**
     * Creates the holder.
     *
     * @param store      answers
     * @param aggregates aggregates (recent comments)
     * @param cases      cases
     * @param clock      the clock
     */
    public FeedbackPersonalData(FeedbackStore store, Aggregates aggregates, CaseStore cases, Clock clock) {
        this.store = store;
        this.aggregates = aggregates;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "feedback";
    }

    @Override
    public Optional<Object> export(String uid) {
        List<FeedbackEntry> answers = store.ofProfile(uid);
        List<CaseView> mine = cases.list(null, c -> uid.equals(c.customerUid())).stream().map(c -> c.view(clock.instant())).toList();
        if (answers.isEmpty() && mine.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("answers", answers);
        data.put("cases", mine);
        return Optional.of(data);
    }

    @Override
    public void erase(String uid, Transaction tx) {
        Set<UUID> ids = new HashSet<>();
        store.ofProfile(uid).forEach(e -> ids.add(e.id()));
        store.anonymize(uid, tx);
        aggregates.removeComments(ids, tx);
        for (FollowUpCase c : cases.list(null, x -> uid.equals(x.customerUid()))) {
            cases.put(c.anonymized(), tx);
        }
    }
}
