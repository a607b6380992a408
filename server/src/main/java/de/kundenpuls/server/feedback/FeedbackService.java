package de.kundenpuls.server.feedback;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.feedback.AnswerPage;
import de.kundenpuls.server.analytics.AnalyticsService;
import de.kundenpuls.server.analytics.ScoreQuery;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.QueryParams;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.api.TableExport;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.ratelimit.KeyedLimiter;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Feedback capture: {@code POST /api/feedback/batch} from app accounts (signed in or anonymous)
 * and kiosks, each with its ID token. Idempotent per item id, so the offline queue may retry as
 * often as it likes; retries of stored answers do not count against the sender's rate.
 *
 * <pre>
 * curl -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' http://localhost:8080/api/feedback/batch -d \
 *   '{"items":[{"id":"6f1c…","storeId":"berlin-mitte","touchpoint":"checkout","createdAt":"2026-11-23T10:00:00Z","rating":2,"comment":"Long queue"}]}'
 * </pre>
 */
public final class FeedbackService implements HttpService {

    /** The most answers one export holds. */
    static final int MAX_EXPORT = 100_000;
    /** The dimension columns of an export, functional first, as the dashboard orders them. */
    private static final List<String> DIMENSIONS = List.of("quality", "availability", "reliability", "usefulness", "value",
            "staff", "ambience");

    private final Access access;
    private final FeedbackCapture capture;
    private final NewAccountLimit newAccounts;
    private final FeedbackStore store;
    private final Catalog catalog;
    private final CaptureSettings settings;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param access             access rules
     * @param capture            the capture
     * @param newAccountsPerAddr how many new app accounts one network address may bring in
     * @param hasProfile         whether an account has a stored profile (it is not new then)
     * @param store              the stored answers, for the answers behind a dashboard cell
     * @param catalog            stores and products
     * @param settings           the capture rules (how far a sender's clock may be ahead)
     * @param clock              the clock
     */
    public FeedbackService(Access access, FeedbackCapture capture, KeyedLimiter.Rate newAccountsPerAddr,
                           Predicate<String> hasProfile, FeedbackStore store, Catalog catalog, CaptureSettings settings,
                           Clock clock) {
        this.access = access;
        this.capture = capture;
        this.newAccounts = new NewAccountLimit(newAccountsPerAddr, hasProfile);
        this.store = store;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        // Every answer comes from an identity: an app account (signed in or anonymous) or a kiosk.
        rules.post("/batch", access.allow((caller, req, res) -> {
            newAccounts.admit(caller, req.remotePeer().address() instanceof InetSocketAddress peer
                    ? peer.getAddress().getHostAddress() : "unknown");
            Responses.json(res, capture.capture(caller, JsonBody.tree(req), Languages.readerLocale(req)));
        }, Role.SHOPPER, Role.STAFF, Role.KIOSK));
        rules.get("/answers", access.allow(this::answers, Role.STAFF, Role.MARKETER, Role.ADMIN))
                .get("/answers/export", access.allow(this::export, Role.STAFF, Role.MARKETER, Role.ADMIN));
    }

    /**
     * The answers behind a dashboard cell, newest first, a page at a time: the scope of the scores
     * ({@code storeId}, {@code touchpoint}, {@code category}, {@code from}, {@code to}; staff their
     * own store), optionally one product ({@code gtin}); {@code page} from 0, {@code size} 1–100.
     * Reads only the answers received since {@code from}.
     */
    private void answers(Caller caller, ServerRequest req, ServerResponse res) {
        int page = QueryParams.wholeNumber(req, "page", 0, 0, 10_000);
        int size = QueryParams.wholeNumber(req, "size", 20, 1, 100);
        Found found = find(caller, req, page * size, size);
        Responses.json(res, new AnswerPage(found.items(), page, size, found.more()));
    }

    /**
     * The answers of a cell as a file ({@code format=csv} or {@code xlsx}), newest first, at most
     * {@value #MAX_EXPORT} of them; the same scope and filters as the page, no link to any person.
     */
    private void export(Caller caller, ServerRequest req, ServerResponse res) {
        TableExport.Format format = TableExport.format(req);
        Found found = find(caller, req, 0, MAX_EXPORT);
        List<String> header = new ArrayList<>(List.of("id", "createdAt", "storeId", "touchpoint", "rating", "nps", "ces"));
        header.addAll(DIMENSIONS);
        header.addAll(List.of("comment", "gtin", "product", "category"));
        List<List<Object>> rows = new ArrayList<>(found.items().size());
        for (AnswerPage.Answer a : found.items()) {
            List<Object> row = new ArrayList<>(List.of(a.id().toString(), a.createdAt()));
            row.add(a.storeId());
            row.add(a.touchpoint());
            row.add(a.rating());
            row.add(a.nps());
            row.add(a.ces());
            DIMENSIONS.forEach(d -> row.add(a.dimensions().get(d)));
            row.add(a.comment());
            row.add(a.gtin());
            row.add(a.product());
            row.add(a.category());
            rows.add(row);
        }
        new TableExport(header, rows).send(res, format, "kundenpuls-answers");
    }

    private record Found(List<AnswerPage.Answer> items, boolean more) {
    }

    /** The answers in the request's scope, newest first: {@code limit} of them after skipping {@code skip}. */
    private Found find(Caller caller, ServerRequest req, int skip, int limit) {
        ScoreQuery.Filter scope = AnalyticsService.filter(catalog, clock, caller, req);
        // A GTIN is checked like everywhere else (length, digits, check digit), so a typo is told, not just empty.
        String gtin = req.query().first("gtin").filter(s -> !s.isBlank()).map(g -> new Gtin(g.strip()).value()).orElse(null);
        String lang = Languages.of(req);
        Set<String> stores = Set.copyOf(scope.storeIds());
        Map<String, ZoneId> zones = new HashMap<>();
        for (String id : stores) {
            catalog.store(id).ifPresent(s -> zones.put(id, ZoneId.of(s.timeZone())));
        }
        // The earliest instant any of the stores' "from" day begins (zones east of UTC start first).
        Instant since = scope.from().atStartOfDay(ZoneOffset.MAX).toInstant();
        List<AnswerPage.Answer> items = new ArrayList<>(Math.min(limit, 1_000));
        int[] matched = {0};
        boolean[] more = {false};
        store.newestFirst(since, settings.futureSkew(), e -> {
            if (!stores.contains(e.storeId()) || (scope.touchpoint() != null && !scope.touchpoint().equals(e.touchpoint()))
                    || (scope.category() != null && !scope.category().equals(e.category()))
                    || (gtin != null && !gtin.equals(e.gtin()))) {
                return true;
            }
            LocalDate day = LocalDate.ofInstant(e.createdAt(), zones.getOrDefault(e.storeId(), ZoneOffset.UTC));
            if (day.isBefore(scope.from()) || day.isAfter(scope.to())) {
                return true;
            }
            if (matched[0]++ < skip) {
                return true;
            }
            if (items.size() == limit) {
                more[0] = true;
                return false;
            }
            items.add(view(e, lang));
            return true;
        });
        return new Found(items, more[0]);
    }

    private AnswerPage.Answer view(FeedbackEntry e, String lang) {
        String product = e.gtin() == null ? null : catalog.product(e.gtin())
                .map(p -> p.names().getOrDefault(lang, p.names().get("de"))).orElse(null);
        return new AnswerPage.Answer(e.id(), e.storeId(), e.touchpoint(), e.createdAt(), e.rating(), e.nps(), e.ces(),
                e.dimensions(), e.comment(), e.gtin(), product, e.category());
    }

}
