package de.kundenpuls.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import de.kundenpuls.model.Message;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.privacy.AuditEntryView;
import de.kundenpuls.model.privacy.CustomerMatch;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.QueryParams;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.api.ServiceUnavailableException;
import de.kundenpuls.server.api.TableExport;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.Transaction;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Export and erasure of a person's data, by themselves ({@code /api/me/export},
 * {@code DELETE /api/me}) or by an admin on request ({@code /api/admin/profiles/{uid}}, audited).
 *
 * <pre>
 * curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/me/export
 * curl -X DELETE -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/me
 * </pre>
 */
public final class PrivacyService {

    /** Entries in one audit file at most. */
    private static final int MAX_AUDIT_EXPORT = 10_000;
    /** Entries one audit request reads at most, however rarely its filter matches. */
    private static final int AUDIT_SCAN = 50_000;

    private final Access access;
    private final Profiles profiles;
    private final BiPredicate<String, Transaction> removeProfile;
    private final Storage storage;
    private final AuditLog audit;
    private final List<PersonalData> holders;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param access        access rules
     * @param profiles      profiles (read for export)
     * @param removeProfile removes a uid's profile in a commit, telling whether there was one (the
     *                      profile feature's own write, routed by the composition root)
     * @param storage       storage (writer and reclaiming)
     * @param audit         the audit log
     * @param holders       every feature that stores personal data besides the profile
     * @param clock         the clock
     */
    public PrivacyService(Access access, Profiles profiles, BiPredicate<String, Transaction> removeProfile, Storage storage,
                          AuditLog audit, List<PersonalData> holders, Clock clock) {
        this.access = access;
        this.profiles = profiles;
        this.removeProfile = removeProfile;
        this.storage = storage;
        this.audit = audit;
        this.holders = List.copyOf(holders);
        this.clock = clock;
    }

    /** Routes under {@code /api/me} for the shopper. */
    public HttpService me() {
        return rules -> rules.get("/export", access.allow((c, req, res) -> exportOf(c.uid(), res), Role.SHOPPER))
                .delete("/", access.allow((c, req, res) -> erase(c, c.uid(), res), Role.SHOPPER));
    }

    /** Routes under {@code /api/admin} for admins. */
    public HttpService admin() {
        return rules -> rules.get("/profiles/{uid}/export", access.allow(this::adminExport, Role.ADMIN))
                .delete("/profiles/{uid}", access.allow(this::adminErase, Role.ADMIN))
                .get("/audit", access.allow(this::auditLog, Role.ADMIN))
                .get("/customers", access.allow(this::findByEmail, Role.ADMIN));
    }

    /**
     * A privacy request arrives by e-mail: the admin finds the customer by that address (exact,
     * case-insensitive) to export or erase them. Each lookup is audited, without the address, so
     * that the log does not keep a copy of it after an erasure.
     */
    private void findByEmail(Caller caller, ServerRequest req, ServerResponse res) {
        String email = req.query().first("email").orElse("").strip();
        if (email.isEmpty()) {
            throw ApiException.badRequest("email", ProblemCode.REQUIRED);
        }
        if (email.length() > 254 || !email.contains("@")) {
            throw ApiException.badRequest("email", ProblemCode.NOT_AN_EMAIL);
        }
        Optional<Profile> found = profiles.findByEmail(email);
        if (found.isEmpty() && !profiles.emailsIndexed()) {
            throw new ServiceUnavailableException(Message.of(ProblemCode.EMAIL_INDEX_BUILDING, profiles.emailsIndexedPercent()));
        }
        record("profile.lookup", caller, found.map(Profile::uid).orElse("-"),
                (found.isPresent() ? AuditNote.FOUND_BY_EMAIL : AuditNote.NOT_FOUND_BY_EMAIL).stored());
        Profile p = found.orElseThrow(() -> ApiException.notFound("email", ProblemCode.NO_PROFILE_WITH_EMAIL, email));
        Responses.json(res, new CustomerMatch(p.uid(), p.contact().name(), p.contact().email(), p.homeStoreId()));
    }

    private void adminExport(Caller caller, ServerRequest req, ServerResponse res) {
        String uid = req.path().pathParameters().get("uid");
        Map<String, Object> export = export(uid)
                .orElseThrow(() -> ApiException.notFound("uid", ProblemCode.NO_PROFILE, uid));
        record("profile.export", caller, uid, AuditNote.EXPORTED.stored());
        res.headers().set(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"kundenpuls-export-" + uid + ".json\"");
        Responses.json(res, export);
    }

    private void adminErase(Caller caller, ServerRequest req, ServerResponse res) {
        String uid = req.path().pathParameters().get("uid");
        erase(caller, uid, res);
    }

    /**
     * The audit log, newest first: a page of {@code limit} entries before position {@code before},
     * filtered by {@code action} and {@code actor}; with {@code format=csv} or {@code xlsx} the
     * same as a file of up to 10,000 entries. A person who still exists is named by name and
     * e-mail; an erased person never is, since their profile is gone.
     */
    private void auditLog(Caller caller, ServerRequest req, ServerResponse res) {
        boolean file = req.query().first("format").isPresent();
        int limit = file ? MAX_AUDIT_EXPORT : QueryParams.wholeNumber(req, "limit", 50, 1, 1_000);
        Long before = req.query().first("before").isPresent() ? (long) QueryParams.wholeNumber(req, "before", 0, 0, Integer.MAX_VALUE) : null;
        String action = req.query().first("action").filter(s -> !s.isBlank()).orElse(null);
        String actor = req.query().first("actor").map(String::strip).filter(s -> !s.isBlank()).orElse(null);
        AuditLog.Page page = audit.page(before, e -> (action == null || action.equals(e.action()))
                && (actor == null || actor.equals(e.actor())), limit, AUDIT_SCAN);
        Locale reader = Languages.readerLocale(req);
        List<AuditEntryView> items = page.items().stream().map(p -> {
            AuditLog.AuditEntry e = p.entry();
            return new AuditEntryView(e.at(), e.actor(), e.action(), e.subject(), AuditNote.worded(e.detail(), reader), p.position(),
                    e.subject() == null ? null : profiles.find(e.subject()).map(PrivacyService::named).orElse(null));
        }).toList();
        if (file) {
            List<List<Object>> rows = new ArrayList<>();
            for (AuditEntryView v : items) {
                rows.add(java.util.Arrays.asList(v.at(), v.action(), v.subject(), v.subjectName(), v.actor(), v.detail()));
            }
            new TableExport(List.of("at", "action", "subject", "subjectName", "actor", "detail"), rows)
                    .send(res, TableExport.format(req), "kundenpuls-audit");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", page.next());
        Responses.json(res, body);
    }

    private static String named(Profile p) {
        String name = p.contact() == null ? null : p.contact().name();
        String email = p.contact() == null ? null : p.contact().email();
        if (name == null && email == null) {
            return null;
        }
        return name == null ? email : email == null ? name : name + " <" + email + ">";
    }

    private void exportOf(String uid, ServerResponse res) {
        Map<String, Object> export = export(uid).orElseGet(() -> {
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put("uid", uid);
            empty.put("exportedAt", Instant.now(clock));
            empty.put("profile", null);
            return empty;
        });
        res.headers().set(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"kundenpuls-export.json\"");
        Responses.json(res, export);
    }

    private Optional<Map<String, Object>> export(String uid) {
        Optional<Profile> profile = profiles.find(uid);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            holder.export(uid).ifPresent(data -> sections.put(holder.section(), data));
        }
        if (profile.isEmpty() && sections.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("uid", uid);
        export.put("exportedAt", Instant.now(clock));
        export.put("profile", profile.orElse(null));
        export.putAll(sections);
        return Optional.of(export);
    }

    private void erase(Caller caller, String uid, ServerResponse res) {
        boolean byAdmin = caller.role() == Role.ADMIN;
        boolean erased = storage.writer().write(tx -> {
            boolean existed = removeProfile.test(uid, tx);
            for (PersonalData holder : holders) {
                holder.erase(uid, tx);
            }
            if (byAdmin) {
                audit.append(new AuditLog.AuditEntry(Instant.now(clock), caller.uid(), "profile.erase", uid,
                        (existed ? AuditNote.ERASED : AuditNote.ERASED_NO_PROFILE).stored()), tx);
            } else {
                // That an erasure happened, and when, without who: the uid would tie the entry to
                // the person whose data is gone.
                audit.append(new AuditLog.AuditEntry(Instant.now(clock), "customer", "profile.erase.self", "",
                        (existed ? AuditNote.ERASED_SELF : AuditNote.ERASED_SELF_NO_PROFILE).stored()), tx);
            }
            return existed;
        });
        access.forget(uid);
        // The bytes leave the data files only after housekeeping has dropped the unreachable objects.
        storage.reclaimErasedData();
        if (!erased && byAdmin) {
            throw ApiException.notFound("uid", ProblemCode.NO_PROFILE, uid);
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void record(String action, Caller caller, String subject, String detail) {
        storage.writer().write(tx -> {
            audit.append(new AuditLog.AuditEntry(Instant.now(clock), caller.uid(), action, subject, detail), tx);
            return null;
        });
    }
}
