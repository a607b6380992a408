package de.kundenpuls.model.client;

import java.util.List;

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
