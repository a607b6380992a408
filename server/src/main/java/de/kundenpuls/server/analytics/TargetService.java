package de.kundenpuls.server.analytics;

import java.util.Map;

import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.analytics.ScoreTarget;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The stores' CSAT and NPS targets, {@code /api/analytics/targets}: the dashboard shows a store's
 * scores against them. Marketers and admins set them; staff read their own store's.
 *
 * <pre>
 * curl -X PUT -H "Authorization: Bearer $MARKETER" -H 'Content-Type: application/json' \
 *      -d '{"csat":80,"nps":30}' http://localhost:8080/api/analytics/targets/berlin-mitte
 * </pre>
 */
public final class TargetService implements HttpService {

    private final Access access;
    private final Catalog catalog;
    private final ScoreTargets targets;
    private final StorageWriter writer;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param catalog the stores
     * @param targets the stored targets
     * @param writer  the storage writer
     */
    public TargetService(Access access, Catalog catalog, ScoreTargets targets, StorageWriter writer) {
        this.access = access;
        this.catalog = catalog;
        this.targets = targets;
        this.writer = writer;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", access.allow(this::list, Role.STAFF, Role.MARKETER, Role.ADMIN))
                .put("/{storeId}", access.allow(this::set, Role.MARKETER, Role.ADMIN));
    }

    private void list(Caller caller, ServerRequest req, ServerResponse res) {
        Map<String, ScoreTarget> all = targets.all();
        if (caller.role() == Role.STAFF) {
            String own = caller.storeId().orElseThrow();
            all.keySet().removeIf(id -> !id.equals(own));
        }
        Responses.json(res, all);
    }

    private void set(Caller caller, ServerRequest req, ServerResponse res) {
        String storeId = req.path().pathParameters().get("storeId");
        if (catalog.store(storeId).isEmpty()) {
            throw ApiException.notFound("storeId", ProblemCode.NO_STORE, storeId);
        }
        ScoreTarget target = JsonBody.read(req, ScoreTarget.class);
        writer.write(tx -> {
            targets.set(storeId, target, tx);
            return null;
        });
        Responses.json(res, target);
    }
}
