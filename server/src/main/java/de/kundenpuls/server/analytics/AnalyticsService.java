package de.kundenpuls.server.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.analytics.StreamTicket;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.AuthenticationException;
import de.kundenpuls.server.api.Json;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.api.TableExport;
import de.kundenpuls.server.api.TooManyRequestsException;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Store;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

/**
 * Experience scores (CSAT, NPS, CES, dimensions) per store, touchpoint, category and period, the
 * live stream of updates and alerts, and recent alerts.
 *
 * <pre>
 * curl -H "Authorization: Bearer $MARKETER" \
 *      'http://localhost:8080/api/analytics/scores?storeId=berlin-mitte&amp;granularity=week'
 * curl -N -H "Authorization: Bearer $MARKETER" http://localhost:8080/api/analytics/stream
 * </pre>
 */
public final class AnalyticsService implements HttpService {

    private final Access access;
    private final Catalog catalog;
    private final ScoreQuery query;
    private final LiveEvents events;
    private final AlertLog alerts;
    private final Clock clock;
    private final StreamTickets tickets = new StreamTickets(5);

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param catalog stores
     * @param query   the score query
     * @param events  live events
     * @param alerts  raised alerts
     * @param clock   the clock
     */
    public AnalyticsService(Access access, Catalog catalog, ScoreQuery query, LiveEvents events, AlertLog alerts, Clock clock) {
        this.access = access;
        this.catalog = catalog;
        this.query = query;
        this.events = events;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/scores", access.allow(this::scores, Role.STAFF, Role.MARKETER, Role.ADMIN))
                .get("/scores/export", access.allow(this::exportScores, Role.STAFF, Role.MARKETER, Role.ADMIN))
                .get("/alerts", access.allow(this::recentAlerts, Role.STAFF, Role.MARKETER, Role.ADMIN))
                .post("/stream-tickets", access.allow(this::ticket, Role.STAFF, Role.MARKETER, Role.ADMIN))
                .get("/stream", Access.checkedBy(this::stream, STREAM_ROLES.toArray(Role[]::new)));
    }

    private void scores(Caller caller, ServerRequest req, ServerResponse res) {
        Responses.json(res, query.run(filter(catalog, clock, caller, req)));
    }

    /** The scores per period as a file ({@code format=csv} or {@code xlsx}), then the whole range as "total". */
    private void exportScores(Caller caller, ServerRequest req, ServerResponse res) {
        TableExport.Format format = TableExport.format(req);
        ScoreReport report = query.run(filter(catalog, clock, caller, req));
        List<String> dimensions = List.of("quality", "availability", "reliability", "usefulness", "value", "staff", "ambience");
        List<String> header = new ArrayList<>(List.of("period", "answers", "csat", "nps", "ces"));
        header.addAll(dimensions);
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreReport.Period p : report.periods()) {
            rows.add(scoreRow(p.period(), p.count(), p.csat(), p.nps(), p.ces(), p.dimensions(), dimensions));
        }
        rows.add(scoreRow("total " + report.from() + "/" + report.to(), report.count(), report.csat(), report.nps(), report.ces(),
                report.dimensions(), dimensions));
        new TableExport(header, rows).send(res, format, "kundenpuls-scores");
    }

    private static List<Object> scoreRow(String period, long count, Double csat, Double nps, Double ces,
                                         Map<String, Double> values, List<String> dimensions) {
        List<Object> row = new ArrayList<>(List.of(period, count));
        row.add(csat);
        row.add(nps);
        row.add(ces);
        dimensions.forEach(d -> row.add(values.get(d)));
        return row;
    }

    private void recentAlerts(Caller caller, ServerRequest req, ServerResponse res) {
        String storeId = caller.role() == Role.STAFF ? caller.storeId().orElseThrow() : req.query().first("storeId").orElse(null);
        Responses.json(res, Map.of("items", alerts.recent(storeId).stream().map(AlertMonitor.Alert::view).toList()));
    }

    /**
     * The stores, touchpoint, category, days and granularity a request asks about, checked against
     * the catalog and the caller's store (staff see their own store only): the scope of the scores
     * and of the answers behind them.
     *
     * @param catalog the catalog
     * @param clock   the clock ("to" defaults to the stores' today, "from" to 27 days before)
     * @param caller  the caller
     * @param req     the request
     * @return the filter
     */
    public static ScoreQuery.Filter filter(Catalog catalog, Clock clock, Caller caller, ServerRequest req) {
        Optional<String> storeId = req.query().first("storeId").filter(s -> !s.isBlank());
        if (storeId.isPresent() && catalog.store(storeId.get()).isEmpty()) {
            throw ApiException.badRequest("storeId", ProblemCode.UNKNOWN_STORE, storeId.get());
        }
        if (caller.role() == Role.STAFF) {
            if (storeId.isPresent()) {
                Access.requireStore(caller, storeId.get());
            }
            storeId = caller.storeId();
        }
        List<String> stores = storeId.map(List::of).orElseGet(() -> catalog.stores().stream().map(Store::id).toList());
        String touchpoint = req.query().first("touchpoint").filter(s -> !s.isBlank()).orElse(null);
        if (touchpoint != null && !catalog.touchpoints().containsKey(touchpoint)) {
            throw ApiException.badRequest("touchpoint", ProblemCode.UNKNOWN_TOUCHPOINT, touchpoint);
        }
        String category = req.query().first("category").filter(s -> !s.isBlank()).orElse(null);
        if (category != null && !catalog.categories().containsKey(category)) {
            throw ApiException.badRequest("category", ProblemCode.UNKNOWN_CATEGORY, category);
        }
        LocalDate to = date(req, "to", StoreDays.today(clock,
                stores.stream().flatMap(id -> catalog.store(id).stream()).map(Store::timeZone).toList()));
        LocalDate from = date(req, "from", to.minusDays(27));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", ProblemCode.NOT_AFTER, "to");
        }
        if (from.plusYears(3).isBefore(to)) {
            throw ApiException.badRequest("from", ProblemCode.RANGE_TOO_LONG);
        }
        String granularity = req.query().first("granularity").orElse("day");
        ScoreQuery.Granularity g = java.util.Arrays.stream(ScoreQuery.Granularity.values())
                .filter(x -> x.label().equals(granularity)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("granularity", ProblemCode.NOT_ONE_OF, "day, week, month, quarter"));
        return new ScoreQuery.Filter(stores, touchpoint, category, from, to, g);
    }

    private static LocalDate date(ServerRequest req, String name, LocalDate fallback) {
        Optional<String> raw = req.query().first(name).filter(s -> !s.isBlank());
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw.get().length() > 10 ? raw.get().substring(0, 10) : raw.get());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, ProblemCode.NOT_A_DATE);
        }
    }

    /** A single-use ticket that opens the stream (EventSource cannot send the token in a header). */
    private void ticket(Caller caller, ServerRequest req, ServerResponse res) {
        Responses.json(res, new StreamTicket(tickets.issue(caller), StreamTickets.TICKET_SECONDS));
    }

    /**
     * Server-sent events: {@code ready} at once, then {@code scores} after every commit of new
     * answers and {@code alert} when a touchpoint tips; a {@code ping} every 15 s keeps proxies
     * from closing the stream. Opened with {@code ?ticket=} from {@code POST /api/analytics/stream-tickets}
     * (or an Authorization header); a token in the URL is refused. The stream ends with an
     * {@code expired} event when the caller's ID token expires: the console then opens a new one
     * with a fresh token. At most five streams per identity.
     */
    /** Who may watch the live scores and alerts: a kiosk or a shopper must not. */
    private static final java.util.Set<Role> STREAM_ROLES = java.util.EnumSet.of(Role.STAFF, Role.MARKETER, Role.ADMIN);

    private void stream(ServerRequest req, ServerResponse res) {
        if (req.query().first("access_token").isPresent()) {
            throw ApiException.badRequest("access_token", ProblemCode.TOKEN_IN_URL);
        }
        Optional<String> ticket = req.query().first("ticket").asOptional();
        Caller caller = ticket.isPresent()
                ? tickets.redeem(ticket.get()).orElseThrow(() -> new AuthenticationException(ProblemCode.TICKET_INVALID))
                : access.require(req);
        if (!STREAM_ROLES.contains(caller.role())) {
            throw ApiException.forbidden(ProblemCode.ROLE_FORBIDDEN, caller.role().claim());
        }
        if (!tickets.open(caller.uid())) {
            throw new TooManyRequestsException(null, Duration.ofSeconds(15),
                    ProblemCode.STREAM_LIMIT, tickets.maxPerIdentity());
        }
        Optional<String> store = caller.role() == Role.STAFF ? caller.storeId() : Optional.empty();
        try (LiveEvents.Subscription subscription = events.subscribe(store);
             SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(event("ready", Map.of("storeId", store.orElse("*"))));
            while (true) {
                long left = Duration.between(clock.instant(), caller.expiresAt()).toMillis();
                if (left <= 0) {
                    sink.emit(event("expired", Map.of("at", clock.instant().toString())));
                    return;
                }
                LiveEvents.Event event = subscription.poll(Math.min(15_000, left));
                if (event != null) {
                    sink.emit(event(event.name(), event.data()));
                } else if (clock.instant().isBefore(caller.expiresAt())) {
                    sink.emit(event("ping", Map.of("at", clock.instant().toString())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The client went away; the subscription is closed above.
        } finally {
            tickets.close(caller.uid());
        }
    }

    private static SseEvent event(String name, Object data) {
        try {
            return SseEvent.builder().name(name).data(Json.mapper().writeValueAsString(data))
                    .mediaType(MediaTypes.TEXT_PLAIN).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


}
