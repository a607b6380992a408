package de.kundenpuls.server.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.catalog.TouchpointView;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.privacy.AuditLog;
import de.kundenpuls.server.privacy.AuditTrail;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Stores and their touchpoints (public).
 *
 * <pre>
 * curl http://localhost:8080/api/stores
 * curl http://localhost:8080/api/stores/berlin-mitte/touchpoints?lang=en
 * </pre>
 */
public final class StoreService implements HttpService {

    private final Access access;
    private final Catalog catalog;
    private final StorageWriter writer;
    private final AuditTrail audit;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param catalog the catalog
     * @param writer  the storage writer
     * @param audit   the audit log (store changes are recorded)
     * @param clock   the clock
     */
    public StoreService(Access access, Catalog catalog, StorageWriter writer, AuditTrail audit, Clock clock) {
        this.access = access;
        this.catalog = catalog;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", access.anyone((c, req, res) -> list(req, res)))
                .put("/{id}", access.allow(this::save, Role.ADMIN))
                .get("/{id}/touchpoints", access.anyone((c, req, res) -> touchpoints(req, res)));
    }

    /** Creates or changes a store (admins); its touchpoints are chosen from the known ones. */
    private void save(Caller caller, ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw ApiException.badRequest("id", ProblemCode.NOT_A_SLUG);
        }
        StoreDefinition body = JsonBody.read(req, StoreDefinition.class);
        for (int i = 0; i < body.touchpoints().size(); i++) {
            if (!catalog.touchpoints().containsKey(body.touchpoints().get(i))) {
                throw ApiException.badRequest("touchpoints[" + i + "]", ProblemCode.UNKNOWN_TOUCHPOINT_KNOWN,
                        body.touchpoints().get(i), String.join(", ", new java.util.TreeSet<>(catalog.touchpoints().keySet())));
            }
        }
        Store store = new Store(id, body.name(), body.city(), body.timeZone(), body.touchpoints());
        boolean existed = catalog.store(id).isPresent();
        writer.write(tx -> {
            catalog.putStores(List.of(store), tx);
            audit.record(new AuditLog.AuditEntry(Instant.now(clock), caller.uid(), existed ? "store.update" : "store.create", id,
                    store.name()), tx);
            return null;
        });
        Responses.json(res, existed ? Status.OK_200 : Status.CREATED_201, new StoreView(id, store.name(), store.city(), store.timeZone()));
    }

    /**
     * A store as an admin enters it.
     *
     * @param name        display name
     * @param city        city
     * @param timeZone    IANA time zone
     * @param touchpoints touchpoint ids in journey order
     */
    public record StoreDefinition(String name, String city, String timeZone, List<String> touchpoints) {
        /** Validates the fields. */
        public StoreDefinition {
            name = InvalidFieldException.requiredText(name, "name", 100);
            city = InvalidFieldException.requiredText(city, "city", 100);
            timeZone = InvalidFieldException.requiredText(timeZone, "timeZone", 64);
            try {
                java.time.ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                throw new InvalidFieldException("timeZone", ProblemCode.NOT_A_TIME_ZONE);
            }
            if (touchpoints == null || touchpoints.isEmpty()) {
                throw new InvalidFieldException("touchpoints", ProblemCode.STORE_NEEDS_TOUCHPOINT);
            }
            touchpoints = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(touchpoints));
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<StoreView> stores = catalog.stores().stream()
                .map(s -> new StoreView(s.id(), s.name(), s.city(), s.timeZone()))
                .toList();
        Responses.revalidated(req, res, stores);
    }

    private void touchpoints(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        String lang = Languages.of(req);
        Store store = catalog.store(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_STORE, id));
        List<TouchpointView> touchpoints = store.touchpoints().stream()
                .map(t -> {
                    var names = catalog.touchpoints().getOrDefault(t, java.util.Map.of("de", t, "en", t));
                    return new TouchpointView(t, CatalogViews.localized(names, lang), names);
                })
                .toList();
        Responses.revalidated(req, res, touchpoints);
    }
}
