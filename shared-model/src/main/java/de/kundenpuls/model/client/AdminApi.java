package de.kundenpuls.model.client;

import java.util.List;

import de.kundenpuls.model.privacy.AuditEntryView;
import de.kundenpuls.model.privacy.PersonalDataExport;

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
     * Finds the customer with an e-mail address (exact, case-insensitive), for a privacy request
     * that arrived by e-mail. Audited, without the address.
     *
     * @param email the address
     * @return the customer
     */
    public de.kundenpuls.model.privacy.CustomerMatch findByEmail(String email) {
        return client.get("/api/admin/customers?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8),
                de.kundenpuls.model.privacy.CustomerMatch.class);
    }

    /**
     * Everything stored about a customer (Art. 15 GDPR), for a request that reached the store by post.
     *
     * @param uid the customer
     * @return the export, section by section
     */
    public PersonalDataExport export(String uid) {
        return client.get("/api/admin/profiles/" + uid + "/export", PersonalDataExport.class);
    }

    /**
     * Erases a customer (Art. 17 GDPR).
     *
     * @param uid the customer
     */
    public void erase(String uid) {
        client.send("DELETE", "/api/admin/profiles/" + uid, null, Void.class);
    }

    /**
     * A page of the audit log, newest first.
     *
     * @param limit  at most this many entries
     * @param before the {@code next} of the page before, or null for the newest
     * @param action only this action, or null
     * @param actor  only this actor's uid, or null
     * @return the page
     */
    public Audit audit(int limit, Long before, String action, String actor) {
        StringBuilder q = new StringBuilder("/api/admin/audit?limit=" + limit);
        if (before != null) {
            q.append("&before=").append(before);
        }
        if (action != null) {
            q.append("&action=").append(java.net.URLEncoder.encode(action, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (actor != null) {
            q.append("&actor=").append(java.net.URLEncoder.encode(actor, java.nio.charset.StandardCharsets.UTF_8));
        }
        return client.get(q.toString(), Audit.class);
    }

    /**
     * The body of the audit log.
     *
     * @param items the entries, newest first
     * @param next  the {@code before} of the next (older) page, or null when there is none
     */
    public record Audit(List<AuditEntryView> items, Long next) {
    }
}
