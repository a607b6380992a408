package de.kundenpuls.server.cases;

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

    /**
     * @param cases          the cases
     * @param rule           when a case opens
     * @param contactAllowed whether a customer gave the {@code contact} consent
     */
    public CaseOpener(CaseStore cases, CaseRule rule, Predicate<String> contactAllowed) {
        this.cases = cases;
        this.rule = rule;
        this.contactAllowed = contactAllowed;
    }

    @Override
    public void accepted(FeedbackEntry e, Transaction tx) {
        boolean contact = e.profileUid() != null && contactAllowed.test(e.profileUid());
        if (rule.opensCase(e.rating(), e.nps(), e.comment(), contact)) {
            // The store learns of the answer when it arrives: the deadline runs from then.
            Instant opened = e.receivedAt();
            cases.put(new FollowUpCase(UUID.randomUUID(), e.storeId(), e.touchpoint(), e.id(), e.profileUid(), "open", opened,
                    opened.plus(rule.sla()), null, e.rating(), e.nps(), e.comment(), List.of()), tx);
        }
    }
}
