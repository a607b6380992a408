package de.kundenpuls.server.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import de.kundenpuls.model.cases.CaseView;

/**
 * A stored follow-up case. Immutable: every step replaces it with an updated copy.
 *
 * @param id          case id
 * @param storeId     the store that must answer
 * @param touchpoint  where the experience happened
 * @param feedbackId  the answer that opened it
 * @param customerUid the customer (null after erasure)
 * @param state       open, answered or closed
 * @param openedAt    when
 * @param dueAt       due date from the SLA
 * @param assignee    staff uid that took it, or null
 * @param rating      the rating given
 * @param nps         the NPS given
 * @param comment     the customer's comment
 * @param messages    the dialog
 */
public record FollowUpCase(UUID id, String storeId, String touchpoint, UUID feedbackId, String customerUid, String state,
                           Instant openedAt, Instant dueAt, String assignee, Integer rating, Integer nps, String comment,
                           List<CaseView.Message> messages) {

    /** Copies the list. */
    public FollowUpCase {
        messages = Collections.unmodifiableList(new ArrayList<>(messages == null ? List.of() : messages));
    }

    /** The API view at a given time (overdue is relative to now). */
    public CaseView view(Instant now) {
        return new CaseView(id, storeId, touchpoint, feedbackId, state, openedAt, dueAt,
                !state.equals("closed") && now.isAfter(dueAt), assignee, null, rating, nps, comment, messages, null);
    }

    /** Copy with another state and assignee. */
    public FollowUpCase with(String newState, String newAssignee) {
        return new FollowUpCase(id, storeId, touchpoint, feedbackId, customerUid, newState, openedAt, dueAt, newAssignee,
                rating, nps, comment, messages);
    }

    /** Copy with one more message and a new state. */
    public FollowUpCase withMessage(CaseView.Message message, String newState) {
        List<CaseView.Message> next = new ArrayList<>(messages);
        next.add(message);
        return new FollowUpCase(id, storeId, touchpoint, feedbackId, customerUid, newState, openedAt, dueAt, assignee,
                rating, nps, comment, next);
    }

    /** Copy without the customer's personal content (erasure). */
    public FollowUpCase anonymized() {
        List<CaseView.Message> kept = new ArrayList<>();
        for (CaseView.Message m : messages) {
            kept.add(new CaseView.Message(m.at(), m.author(), "[erased]"));
        }
        return new FollowUpCase(id, storeId, touchpoint, feedbackId, null, "closed", openedAt, dueAt, assignee, rating, nps,
                null, kept);
    }
}
