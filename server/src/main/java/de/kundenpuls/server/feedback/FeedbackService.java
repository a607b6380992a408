package de.kundenpuls.server.feedback;

import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Role;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * Feedback capture: {@code POST /api/feedback/batch} from the app (signed in or anonymous) and
 * kiosks (staff). Idempotent per item id, so the offline queue may retry as often as it likes.
 *
 * <pre>
 * curl -X POST -H 'Content-Type: application/json' http://localhost:8080/api/feedback/batch -d \
 *   '{"items":[{"id":"6f1c…","storeId":"berlin-mitte","touchpoint":"checkout","createdAt":"2026-11-23T10:00:00Z","rating":2,"comment":"Long queue"}]}'
 * </pre>
 */
public final class FeedbackService implements HttpService {

    private final Access access;
    private final FeedbackCapture capture;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param capture the capture
     */
    public FeedbackService(Access access, FeedbackCapture capture) {
        this.access = access;
        this.capture = capture;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/batch", access.anyone((caller, req, res) -> {
            if (caller.isPresent() && caller.get().role() != Role.SHOPPER && caller.get().role() != Role.STAFF) {
                throw de.kundenpuls.server.api.ApiException.forbidden("Answers come from shoppers and kiosks, not from the role '"
                        + caller.get().role().claim() + "'");
            }
            Responses.json(res, capture.capture(caller, JsonBody.tree(req)));
        }));
    }
}
