package de.kundenpuls.server.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Follow-up cases for store staff ({@code /api/cases}) and the customer's side of the dialog
 * ({@code /api/me/inbox}).
 *
 * <pre>
 * curl -H "Authorization: Bearer $STAFF" http://localhost:8080/api/cases?state=open
 * curl -X POST -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
 *      -d '{"text":"Sorry! We restocked today."}' http://localhost:8080/api/cases/$ID/replies
 * curl -H "Authorization: Bearer $STAFF" http://localhost:8080/api/cases/colleagues
 * curl -X POST -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
 *      -d '{"uid":"'$COLLEAGUE'"}' http://localhost:8080/api/cases/$ID/assign
 * </pre>
 */
public final class CaseService {

    private final Access access;
    private final CaseStore cases;
    private final StorageWriter writer;
    private final Clock clock;
    private final CaseDetails details;
    private final StaffRoster roster;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param cases   the cases
     * @param details customer, answer and outcome of one case
     * @param roster  the stores' staff, for assigning
     * @param writer  the storage writer
     * @param clock   the clock
     */
    public CaseService(Access access, CaseStore cases, CaseDetails details, StaffRoster roster, StorageWriter writer,
                       Clock clock) {
        this.access = access;
        this.cases = cases;
        this.details = details;
        this.roster = roster;
        this.writer = writer;
        this.clock = clock;
    }

    /** Staff routes under {@code /api/cases}. */
    public HttpService staff() {
        return rules -> rules.get("/", access.allow(this::list, Role.STAFF, Role.ADMIN))
                // Before /{id}, which would take "colleagues" for a case id.
                .get("/colleagues", access.allow(this::colleagues, Role.STAFF, Role.ADMIN))
                .get("/{id}", access.allow(this::one, Role.STAFF, Role.ADMIN))
                .post("/{id}/take", access.allow(this::take, Role.STAFF, Role.ADMIN))
                .post("/{id}/assign", access.allow(this::assign, Role.STAFF, Role.ADMIN))
                .post("/{id}/replies", access.allow(this::staffReply, Role.STAFF, Role.ADMIN))
                .post("/{id}/close", access.allow(this::close, Role.STAFF, Role.ADMIN));
    }

    /** Customer routes under {@code /api/me/inbox}. */
    public HttpService inbox() {
        return rules -> rules.get("/", access.allow(this::inboxList, Role.SHOPPER))
                .post("/{id}/replies", access.allow(this::customerReply, Role.SHOPPER));
    }

    private void list(Caller caller, ServerRequest req, ServerResponse res) {
        String state = req.query().first("state").orElse("active");
        if (!List.of("active", "open", "answered", "closed", "all").contains(state)) {
            throw ApiException.badRequest("state", ProblemCode.NOT_ONE_OF, "active, open, answered, closed, all");
        }
        String storeId = caller.role() == Role.STAFF ? caller.storeId().orElseThrow() : req.query().first("storeId").orElse(null);
        Instant now = Instant.now(clock);
        noteVisit(caller, now);
        List<CaseView> views = cases.list(storeId, c -> switch (state) {
                    case "active" -> !c.state().equals("closed");
                    case "all" -> true;
                    default -> c.state().equals(state);
                }).stream()
                .map(c -> view(c, now))
                // Overdue first, then by due date: what needs attention now comes first.
                .sorted(Comparator.comparing((CaseView v) -> !v.overdue()).thenComparing(CaseView::dueAt))
                .toList();
        Responses.json(res, Map.of("items", views));
    }

    private void one(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        Responses.json(res, view(c, Instant.now(clock)).withDetail(details.of(c, Languages.of(req))));
    }

    /** The store's staff to whom a case can be assigned; staff see their own store's, admins name one. */
    private void colleagues(Caller caller, ServerRequest req, ServerResponse res) {
        Instant now = Instant.now(clock);
        noteVisit(caller, now);
        String storeId = caller.role() == Role.STAFF ? caller.storeId().orElseThrow()
                : req.query().first("storeId").orElseThrow(() -> ApiException.badRequest("storeId", ProblemCode.REQUIRED));
        Responses.json(res, Map.of("items", roster.of(storeId, now)));
    }

    /** A staff member joins their store's roster by working its cases (see {@link StaffRoster}). */
    private void noteVisit(Caller caller, Instant now) {
        if (caller.role() == Role.STAFF) {
            roster.visit(caller, now).ifPresent(seen -> writer.write(tx -> {
                roster.note(caller.storeId().orElseThrow(), seen, tx);
                return null;
            }));
        }
    }

    private CaseView view(FollowUpCase c, Instant now) {
        CaseView v = c.view(now);
        return c.assignee() == null ? v
                : roster.find(c.storeId(), c.assignee(), now).map(who -> v.withAssigneeName(who.name())).orElse(v);
    }

    private FollowUpCase load(Caller caller, ServerRequest req) {
        UUID id = caseId(req);
        FollowUpCase c = cases.find(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_CASE, id));
        Access.requireStore(caller, c.storeId());
        return c;
    }

    private void take(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        FollowUpCase updated = change(c.id(), current -> {
            requireNotClosed(current);
            return current.with(current.state(), caller.uid());
        });
        Responses.json(res, view(updated, Instant.now(clock)));
    }

    private void assign(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        String uid = JsonBody.read(req, Assignment.class).uid();
        roster.find(c.storeId(), uid, Instant.now(clock))
                .orElseThrow(() -> ApiException.badRequest("uid", ProblemCode.NOT_A_COLLEAGUE, uid));
        FollowUpCase updated = change(c.id(), current -> {
            requireNotClosed(current);
            return current.with(current.state(), uid);
        });
        Responses.json(res, view(updated, Instant.now(clock)));
    }

    private void staffReply(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        String text = text(req);
        FollowUpCase updated = change(c.id(), current -> {
            requireNotClosed(current);
            FollowUpCase taken = current.assignee() == null ? current.with(current.state(), caller.uid()) : current;
            return taken.withMessage(new CaseView.Message(Instant.now(clock), "staff", text), "answered");
        });
        Responses.json(res, view(updated, Instant.now(clock)));
    }

    private void close(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        FollowUpCase updated = change(c.id(), current -> current.with("closed",
                current.assignee() == null ? caller.uid() : current.assignee()));
        Responses.json(res, view(updated, Instant.now(clock)));
    }

    private void inboxList(Caller caller, ServerRequest req, ServerResponse res) {
        Instant now = Instant.now(clock);
        List<CaseView> mine = cases.ofCustomer(caller.uid()).stream()
                .map(c -> c.view(now))
                .sorted(Comparator.comparing(CaseView::openedAt).reversed())
                .toList();
        Responses.json(res, Map.of("items", mine));
    }

    private void customerReply(Caller caller, ServerRequest req, ServerResponse res) {
        UUID id = caseId(req);
        FollowUpCase c = cases.find(id).filter(x -> caller.uid().equals(x.customerUid()))
                .orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_CASE_IN_INBOX, id));
        String text = text(req);
        // The customer answered back: the case needs the store's attention again.
        FollowUpCase updated = change(c.id(), current -> current.withMessage(
                new CaseView.Message(Instant.now(clock), "customer", text), "open"));
        Responses.json(res, view(updated, Instant.now(clock)));
    }

    private FollowUpCase change(UUID id, java.util.function.UnaryOperator<FollowUpCase> update) {
        return writer.write(tx -> {
            FollowUpCase current = cases.find(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_CASE, id));
            FollowUpCase next = update.apply(current);
            cases.put(next, tx);
            return next;
        });
    }

    private static void requireNotClosed(FollowUpCase c) {
        if (c.state().equals("closed")) {
            throw ApiException.conflict("state", ProblemCode.CASE_CLOSED);
        }
    }

    private static UUID caseId(ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", ProblemCode.NOT_A_CASE_ID, raw);
        }
    }

    private static String text(ServerRequest req) {
        Reply reply = JsonBody.read(req, Reply.class);
        return reply.text();
    }

    /**
     * Whom a case goes to.
     *
     * @param uid a colleague of the case's store
     */
    public record Assignment(String uid) {
        /** Validates the uid. */
        public Assignment {
            uid = InvalidFieldException.requiredText(uid, "uid", 128);
        }
    }

    /**
     * A reply.
     *
     * @param text the message
     */
    public record Reply(String text) {
        /** Validates the text. */
        public Reply {
            text = InvalidFieldException.requiredText(text, "text", 2000);
        }
    }
}
