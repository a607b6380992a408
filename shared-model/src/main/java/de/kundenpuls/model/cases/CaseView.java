package de.kundenpuls.model.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A follow-up case ("Wiedervorlage") opened by a detractor's answer, with its dialog.
 *
 * @param id         case id
 * @param storeId    the store that must answer
 * @param touchpoint where the experience happened
 * @param feedbackId the answer that opened it
 * @param state      {@code open}, {@code answered} or {@code closed}
 * @param openedAt   when
 * @param dueAt      answer due by (SLA)
 * @param overdue    whether it is open past its due date
 * @param assignee   staff member who took it, or null
 * @param assigneeName that staff member's name or e-mail address, when the store's roster has them
 * @param rating     the rating given, if any
 * @param nps        the NPS given, if any
 * @param comment    the customer's comment
 * @param messages   the dialog, oldest first
 * @param detail     customer, answer and outcome: in the view of one case, not in lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(UUID id, String storeId, String touchpoint, UUID feedbackId, String state, Instant openedAt,
                       Instant dueAt, boolean overdue, String assignee, String assigneeName, Integer rating, Integer nps,
                       String comment, List<Message> messages, CaseDetail detail) {

    /** Copies the list. */
    public CaseView {
        messages = Collections.unmodifiableList(new ArrayList<>(messages == null ? List.of() : messages));
    }

    /** The same case with its detail. */
    public CaseView withDetail(CaseDetail with) {
        return new CaseView(id, storeId, touchpoint, feedbackId, state, openedAt, dueAt, overdue, assignee, assigneeName, rating,
                nps, comment, messages, with);
    }

    /** The same case naming its assignee. */
    public CaseView withAssigneeName(String name) {
        return new CaseView(id, storeId, touchpoint, feedbackId, state, openedAt, dueAt, overdue, assignee, name, rating,
                nps, comment, messages, detail);
    }

    /**
     * One message of the dialog.
     *
     * @param at     when
     * @param author {@code staff} or {@code customer}
     * @param text   the message
     */
    public record Message(Instant at, String author, String text) {
    }
}
