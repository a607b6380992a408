package de.kundenpuls.model.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.cases.CaseView;

/** Follow-up cases: the store's ({@code /api/cases}) and the customer's inbox ({@code /api/me/inbox}). */
public final class CasesApi {

    private final KundenpulsClient client;

    CasesApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * The store's cases (staff: their store; admins: all).
     *
     * @param state {@code active}, {@code open}, {@code answered}, {@code closed} or {@code all}
     * @return the cases, overdue first
     */
    public List<CaseView> list(String state) {
        return client.get("/api/cases?state=" + state, Cases.class).items();
    }

    /**
     * One case with its detail: customer contact (with consent), the answer, the outcome.
     *
     * @param id the case
     * @return it
     */
    public CaseView get(UUID id) {
        return client.get("/api/cases/" + id, CaseView.class);
    }

    /**
     * Takes a case: the caller becomes its assignee.
     *
     * @param id the case
     * @return the case
     */
    public CaseView take(UUID id) {
        return client.send("POST", "/api/cases/" + id + "/take", null, CaseView.class);
    }

    /**
     * Closes a case.
     *
     * @param id the case
     * @return the case, closed
     */
    public CaseView close(UUID id) {
        return client.send("POST", "/api/cases/" + id + "/close", null, CaseView.class);
    }

    /**
     * Answers a customer in a case (staff of its store).
     *
     * @param id   the case
     * @param text the reply, sent to the customer's inbox
     * @return the case with the reply
     */
    public CaseView reply(UUID id, String text) {
        return client.send("POST", "/api/cases/" + id + "/replies", Map.of("text", text), CaseView.class);
    }

    /**
     * The signed-in customer's dialogs with the stores.
     *
     * @return their cases, newest first
     */
    public List<CaseView> inbox() {
        return client.get("/api/me/inbox", Cases.class).items();
    }

    /**
     * The body of a case list.
     *
     * @param items the cases
     */
    public record Cases(List<CaseView> items) {
    }
}
