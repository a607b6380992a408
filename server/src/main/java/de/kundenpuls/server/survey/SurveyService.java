package de.kundenpuls.server.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.survey.SurveyDefinition;
import de.kundenpuls.model.survey.SurveyView;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.contact.ContactBudget;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Surveys: versioned definitions for marketers, and the one the app or kiosk should show.
 *
 * <pre>
 * curl 'http://localhost:8080/api/surveys/active?storeId=berlin-mitte&amp;touchpoint=checkout'
 * curl -X POST -H "Authorization: Bearer $MARKETER" -H 'Content-Type: application/json' -d @survey.json \
 *      http://localhost:8080/api/surveys
 * </pre>
 */
public final class SurveyService implements HttpService {

    /** Says why no survey is offered when the shopper's contact budget is used up. */
    public static final String SKIPPED_HEADER = "Kundenpuls-Skipped";

    private final Access access;
    private final SurveyStore surveys;
    private final Catalog catalog;
    private final StorageWriter writer;
    private final Clock clock;
    private final ContactBudget budget;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param surveys the surveys
     * @param catalog stores, touchpoints, categories (targeting)
     * @param writer  the storage writer
     * @param budget  the contact budget a signed-in shopper's prompt counts against
     * @param clock   the clock
     */
    public SurveyService(Access access, SurveyStore surveys, Catalog catalog, StorageWriter writer, ContactBudget budget,
                         Clock clock) {
        this.budget = budget;
        this.access = access;
        this.surveys = surveys;
        this.catalog = catalog;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/active", access.anyone(this::active))
                .get("/", access.allow((c, req, res) -> Responses.json(res, Map.of("items", surveys.allLatest())),
                        Role.MARKETER, Role.ADMIN))
                .post("/", access.allow(this::create, Role.MARKETER, Role.ADMIN))
                .get("/{id}", access.allow((c, req, res) -> Responses.json(res, latest(req)), Role.MARKETER, Role.ADMIN))
                .put("/{id}", access.allow(this::update, Role.MARKETER, Role.ADMIN))
                .get("/{id}/versions/{version}", access.anyone((c, req, res) -> version(req, res)));
    }

    private void create(Caller caller, ServerRequest req, ServerResponse res) {
        SurveyDefinition definition = JsonBody.read(req, SurveyDefinition.class);
        checkTargeting(definition);
        SurveyView view = new SurveyView(UUID.randomUUID().toString(), 1, definition, Instant.now(clock), caller.uid());
        writer.write(tx -> {
            surveys.add(view, tx);
            return null;
        });
        res.headers().location(java.net.URI.create("/api/surveys/" + view.id()));
        Responses.json(res, Status.CREATED_201, view);
    }

    private void update(Caller caller, ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        SurveyDefinition definition = JsonBody.read(req, SurveyDefinition.class);
        checkTargeting(definition);
        SurveyView saved = writer.write(tx -> {
            SurveyView current = surveys.latest(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_SURVEY, id));
            SurveyView next = new SurveyView(id, current.version() + 1, definition, Instant.now(clock), caller.uid());
            surveys.add(next, tx);
            return next;
        });
        Responses.json(res, saved);
    }

    private SurveyView latest(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return surveys.latest(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_SURVEY, id));
    }

    private void version(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        int version;
        try {
            version = Integer.parseInt(req.path().pathParameters().get("version"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("version", ProblemCode.NOT_A_WHOLE_NUMBER);
        }
        Responses.json(res, surveys.version(id, version)
                .orElseThrow(() -> ApiException.notFound("version", ProblemCode.NO_SURVEY_VERSION, id, version)));
    }

    /**
     * The survey to show at a store's touchpoint, for a product: among the active surveys whose
     * targeting matches, the most specific (store beats touchpoint beats category), newest first.
     */
    private void active(Optional<Caller> caller, ServerRequest req, ServerResponse res) {
        String storeId = req.query().first("storeId").orElseThrow(() -> ApiException.badRequest("storeId", ProblemCode.REQUIRED));
        if (catalog.store(storeId).isEmpty()) {
            throw ApiException.badRequest("storeId", ProblemCode.UNKNOWN_STORE, storeId);
        }
        String touchpoint = req.query().first("touchpoint").orElse(null);
        if (touchpoint != null && !catalog.store(storeId).get().touchpoints().contains(touchpoint)) {
            throw ApiException.badRequest("touchpoint", ProblemCode.STORE_LACKS_TOUCHPOINT, storeId, touchpoint);
        }
        String category = req.query().first("gtin")
                .map(g -> catalog.product(g).map(p -> p.category()).orElse(null))
                .orElse(null);
        Instant now = Instant.now(clock);
        Optional<SurveyView> best = surveys.allLatest().stream()
                .filter(s -> s.definition().activeFrom() == null || !now.isBefore(s.definition().activeFrom()))
                .filter(s -> s.definition().activeTo() == null || now.isBefore(s.definition().activeTo()))
                .filter(s -> matches(s.definition().targeting().storeIds(), storeId))
                .filter(s -> matches(s.definition().targeting().touchpoints(), touchpoint))
                .filter(s -> matches(s.definition().targeting().categories(), category))
                .max(Comparator.comparingInt(SurveyService::specificity).thenComparing(SurveyView::createdAt));
        if (best.isEmpty()) {
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        // A signed-in shopper's prompt is a contact: it counts against their budget, and none is
        // shown once that is used up. Kiosks and anonymous scans ask nobody in particular.
        Optional<String> shopper = caller.filter(c -> c.role() == Role.SHOPPER).map(Caller::uid);
        if (shopper.isPresent()) {
            String uid = shopper.get();
            String surveyId = best.get().id();
            if (!budget.allows(uid, ContactBudget.Kind.SURVEY, surveyId, now)) {
                res.header(SKIPPED_HEADER, ContactBudget.SKIPPED);
                res.status(Status.NO_CONTENT_204).send();
                return;
            }
            if (!budget.counted(uid, ContactBudget.Kind.SURVEY, surveyId, now)) {
                writer.write(tx -> {
                    budget.record(uid, ContactBudget.Kind.SURVEY, surveyId, now, tx);
                    return null;
                });
            }
        }
        Responses.json(res, best.get());
    }

    private static boolean matches(java.util.List<String> targets, String value) {
        return targets.isEmpty() || (value != null && targets.contains(value));
    }

    private static int specificity(SurveyView s) {
        var t = s.definition().targeting();
        return (t.storeIds().isEmpty() ? 0 : 4) + (t.touchpoints().isEmpty() ? 0 : 2) + (t.categories().isEmpty() ? 0 : 1);
    }

    private void checkTargeting(SurveyDefinition d) {
        var t = d.targeting();
        for (int i = 0; i < t.storeIds().size(); i++) {
            if (catalog.store(t.storeIds().get(i)).isEmpty()) {
                throw ApiException.badRequest("targeting.storeIds[" + i + "]", ProblemCode.UNKNOWN_STORE, t.storeIds().get(i));
            }
        }
        for (int i = 0; i < t.touchpoints().size(); i++) {
            if (!catalog.touchpoints().containsKey(t.touchpoints().get(i))) {
                throw ApiException.badRequest("targeting.touchpoints[" + i + "]", ProblemCode.UNKNOWN_TOUCHPOINT, t.touchpoints().get(i));
            }
        }
        for (int i = 0; i < t.categories().size(); i++) {
            if (!catalog.categories().containsKey(t.categories().get(i))) {
                throw ApiException.badRequest("targeting.categories[" + i + "]", ProblemCode.UNKNOWN_CATEGORY, t.categories().get(i));
            }
        }
    }
}
