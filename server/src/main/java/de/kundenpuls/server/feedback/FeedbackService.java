package de.kundenpuls.server.feedback;

import java.net.InetSocketAddress;
import java.util.function.Predicate;

import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.ratelimit.KeyedLimiter;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

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

    private final Access access;
    private final FeedbackCapture capture;
    private final NewAccountLimit newAccounts;

    /**
     * Creates the service.
     *
     * @param access             access rules
     * @param capture            the capture
     * @param newAccountsPerAddr how many new app accounts one network address may bring in
     * @param hasProfile         whether an account has a stored profile (it is not new then)
     */
    public FeedbackService(Access access, FeedbackCapture capture, KeyedLimiter.Rate newAccountsPerAddr,
                           Predicate<String> hasProfile) {
        this.access = access;
        this.capture = capture;
        this.newAccounts = new NewAccountLimit(newAccountsPerAddr, hasProfile);
    }

    @Override
    public void routing(HttpRules rules) {
        // Every answer comes from an identity: an app account (signed in or anonymous) or a kiosk.
        rules.post("/batch", access.allow((caller, req, res) -> {
            newAccounts.admit(caller, req.remotePeer().address() instanceof InetSocketAddress peer
                    ? peer.getAddress().getHostAddress() : "unknown");
            Responses.json(res, capture.capture(caller, JsonBody.tree(req), Languages.readerLocale(req)));
        }, Role.SHOPPER, Role.STAFF, Role.KIOSK));
    }
}
