package de.kundenpuls.server.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import de.kundenpuls.server.feedback.AnswerListener;
import de.kundenpuls.server.feedback.FeedbackEntry;
import de.kundenpuls.server.storage.Transaction;

/** Opens a follow-up case for an accepted answer that calls for one ({@link CaseRule}), in the answer's commit. */
public final class CaseOpener implements AnswerListener {

    private final CaseStore cases;
    private final CaseRule rule;
    private final Predicate<String> contactAllowed;
    private final Clock clock;

    /**
     * @param cases          the cases
     * @param rule           when a case opens
     * @param contactAllowed whether a customer gave the {@code contact} consent
     * @param clock          the clock
     */
    public CaseOpener(CaseStore cases, CaseRule rule, Predicate<String> contactAllowed, Clock clock) {
        this.cases = cases;
        this.rule = rule;
        this.contactAllowed = contactAllowed;
        this.clock = clock;
    }

    @Override
    public void accepted(FeedbackEntry e, Transaction tx) {
        boolean contact = e.profileUid() != null && contactAllowed.test(e.profileUid());
        if (rule.opensCase(e.rating(), e.nps(), e.comment(), contact)) {
            Instant now = clock.instant();
            cases.put(new FollowUpCase(UUID.randomUUID(), e.storeId(), e.touchpoint(), e.id(), e.profileUid(), "open", now,
                    now.plus(rule.sla()), null, e.rating(), e.nps(), e.comment(), List.of()), tx);
        }
    }
}
