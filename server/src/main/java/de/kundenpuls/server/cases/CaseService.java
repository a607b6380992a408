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
 * </pre>
 */
public final class CaseService {

    private final Access access;
    private final CaseStore cases;
    private final StorageWriter writer;
    private final Clock clock;
    private final CaseDetails details;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param cases   the cases
     * @param details customer, answer and outcome of one case
     * @param writer  the storage writer
     * @param clock   the clock
     */
    public CaseService(Access access, CaseStore cases, CaseDetails details, StorageWriter writer, Clock clock) {
        this.access = access;
        this.cases = cases;
        this.details = details;
        this.writer = writer;
        this.clock = clock;
    }

    /** Staff routes under {@code /api/cases}. */
    public HttpService staff() {
        return rules -> rules.get("/", access.allow(this::list, Role.STAFF, Role.ADMIN))
                .get("/{id}", access.allow(this::one, Role.STAFF, Role.ADMIN))
                .post("/{id}/take", access.allow(this::take, Role.STAFF, Role.ADMIN))
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
        List<CaseView> views = cases.list(storeId, c -> switch (state) {
                    case "active" -> !c.state().equals("closed");
                    case "all" -> true;
                    default -> c.state().equals(state);
                }).stream()
                .map(c -> c.view(now))
                // Overdue first, then by due date: what needs attention now comes first.
                .sorted(Comparator.comparing((CaseView v) -> !v.overdue()).thenComparing(CaseView::dueAt))
                .toList();
        Responses.json(res, Map.of("items", views));
    }

    private void one(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        Responses.json(res, c.view(Instant.now(clock)).withDetail(details.of(c, Languages.of(req))));
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
        Responses.json(res, updated.view(Instant.now(clock)));
    }

    private void staffReply(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        String text = text(req);
        FollowUpCase updated = change(c.id(), current -> {
            requireNotClosed(current);
            FollowUpCase taken = current.assignee() == null ? current.with(current.state(), caller.uid()) : current;
            return taken.withMessage(new CaseView.Message(Instant.now(clock), "staff", text), "answered");
        });
        Responses.json(res, updated.view(Instant.now(clock)));
    }

    private void close(Caller caller, ServerRequest req, ServerResponse res) {
        FollowUpCase c = load(caller, req);
        FollowUpCase updated = change(c.id(), current -> current.with("closed",
                current.assignee() == null ? caller.uid() : current.assignee()));
        Responses.json(res, updated.view(Instant.now(clock)));
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
        Responses.json(res, updated.view(Instant.now(clock)));
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
