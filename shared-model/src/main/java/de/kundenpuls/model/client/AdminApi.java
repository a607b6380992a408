package de.kundenpuls.model.client;

import java.util.List;

import de.kundenpuls.model.privacy.AuditEntryView;

/** Admin reads: {@code /api/admin}. */
public final class AdminApi {

    private final KundenpulsClient client;

    AdminApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * The audit log, newest first.
     *
     * @param limit at most this many entries
     * @return the entries
     */
    public List<AuditEntryView> audit(int limit) {
        return client.get("/api/admin/audit?limit=" + limit, Audit.class).items();
    }

    /**
     * The body of the audit log.
     *
     * @param items the entries
     */
    public record Audit(List<AuditEntryView> items) {
    }
}
