package de.kundenpuls.server.catalog;

import java.util.List;

import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.catalog.TouchpointView;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
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

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param catalog the catalog
     */
    public StoreService(Access access, Catalog catalog) {
        this.access = access;
        this.catalog = catalog;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", access.anyone((c, req, res) -> list(res)))
                .get("/{id}/touchpoints", access.anyone((c, req, res) -> touchpoints(req, res)));
    }

    private void list(ServerResponse res) {
        List<StoreView> stores = catalog.stores().stream()
                .map(s -> new StoreView(s.id(), s.name(), s.city(), s.timeZone()))
                .toList();
        Responses.json(res, stores);
    }

    private void touchpoints(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        String lang = Languages.of(req);
        Store store = catalog.store(id).orElseThrow(() -> ApiException.notFound("id", "No store with id '" + id + "'"));
        List<TouchpointView> touchpoints = store.touchpoints().stream()
                .map(t -> {
                    var names = catalog.touchpoints().getOrDefault(t, java.util.Map.of("de", t, "en", t));
                    return new TouchpointView(t, CatalogViews.localized(names, lang), names);
                })
                .toList();
        Responses.json(res, touchpoints);
    }
}
