package de.kundenpuls.server.feedback;

import java.time.Clock;
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

import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.server.analytics.Rollups;
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
    private final Rollups rollups;
    private final Function<String, ZoneId> zoneOf;
    private final CaseStore cases;
    private final Clock clock;

    /**
     * Creates the holder.
     *
     * @param store      answers
     * @param rollups    roll-ups (their recent comments)
     * @param zoneOf     a store's time zone, to find the day an answer was counted in
     * @param cases      cases
     * @param clock      the clock
     */
    public FeedbackPersonalData(FeedbackStore store, Rollups rollups, Function<String, ZoneId> zoneOf,
                                CaseStore cases, Clock clock) {
        this.store = store;
        this.rollups = rollups;
        this.zoneOf = zoneOf;
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
        List<CaseView> mine = cases.ofCustomer(uid).stream().map(c -> c.view(clock.instant())).toList();
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
        Map<StoreDay, Set<UUID>> commented = new LinkedHashMap<>();
        for (FeedbackEntry e : store.anonymize(uid, tx)) {
            if (e.comment() != null) {
                StoreDay where = new StoreDay(e.storeId(), LocalDate.ofInstant(e.createdAt(), zoneOf.apply(e.storeId())));
                commented.computeIfAbsent(where, k -> new HashSet<>()).add(e.id());
            }
        }
        commented.forEach((where, ids) -> rollups.removeComments(where.storeId(), where.day(), ids, tx));
        for (FollowUpCase c : cases.ofCustomer(uid)) {
            cases.put(c.anonymized(), tx);
        }
        cases.forgetCustomer(uid, tx);
    }

    private record StoreDay(String storeId, LocalDate day) {
    }
}
