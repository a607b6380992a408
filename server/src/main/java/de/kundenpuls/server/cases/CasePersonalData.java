package de.kundenpuls.server.cases;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.server.privacy.PersonalData;
import de.kundenpuls.server.storage.Transaction;

/** A person's cases, for export and erasure: erasure keeps the case but drops the customer link and the dialog text. */
public final class CasePersonalData implements PersonalData {

    private final CaseStore cases;
    private final Clock clock;

    /**
     * @param cases the cases
     * @param clock the clock (a case's view says whether it is overdue)
     */
    public CasePersonalData(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "cases";
    }

    @Override
    public Optional<Object> export(String uid) {
        List<CaseView> mine = cases.ofCustomer(uid).stream().map(c -> c.view(clock.instant())).toList();
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine);
    }

    @Override
    public void erase(String uid, Transaction tx) {
        for (FollowUpCase c : cases.ofCustomer(uid)) {
            cases.put(c.anonymized(), tx);
        }
        cases.forgetCustomer(uid, tx);
    }
}
