package de.kundenpuls.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Role;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Dev sign-in on the embedded default: {@code POST /api/dev/tokens}. Registered only when
 * {@code dev.enabled} is true; in production the route does not exist (404).
 *
 * <pre>
 * curl -X POST -H 'Content-Type: application/json' -d '{"role":"staff","store":"berlin-mitte"}' \
 *      http://localhost:8080/api/dev/tokens
 * </pre>
 */
public final class DevTokenService implements HttpService {

    private final Minter minter;
    private final Predicate<String> storeExists;
    private final Function<String, Optional<Map<String, Object>>> kioskClaims;

    /**
     * Creates the service.
     *
     * @param minter      signs dev ID tokens that the production verifier accepts
     * @param storeExists whether a store id is known
     * @param kioskClaims the claims of an enrolled, not revoked kiosk account
     */
    public DevTokenService(Minter minter, Predicate<String> storeExists, Function<String, Optional<Map<String, Object>>> kioskClaims) {
        this.minter = minter;
        this.storeExists = storeExists;
        this.kioskClaims = kioskClaims;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/tokens", this::issue);
    }

    private void issue(ServerRequest req, ServerResponse res) {
        // A dev token can be minted for any existing uid: only a caller on this machine may ask.
        if (!(req.remotePeer().address() instanceof java.net.InetSocketAddress peer) || !peer.getAddress().isLoopbackAddress()) {
            throw ApiException.forbidden(ProblemCode.DEV_SIGN_IN_REMOTE);
        }
        TokenRequest body = JsonBody.read(req, TokenRequest.class);
        Role role = Role.fromClaim(body.role()).orElseThrow();
        if (role == Role.STAFF && !storeExists.test(body.store())) {
            throw ApiException.badRequest("store", ProblemCode.NO_STORE, body.store());
        }
        if (role == Role.KIOSK) {
            // A kiosk's identity comes from its enrollment: only an enrolled kiosk gets tokens.
            Map<String, Object> claims = kioskClaims.apply(body.uid())
                    .orElseThrow(() -> ApiException.badRequest("uid", ProblemCode.NO_ENROLLED_KIOSK, body.uid()));
            Responses.json(res, minter.mint(claims, Optional.of(body.uid())));
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("role", role.claim());
        if (role == Role.STAFF) {
            claims.put("store", body.store());
        }
        if (body.name() != null) {
            claims.put("name", body.name());
        }
        Responses.json(res, minter.mint(claims, Optional.ofNullable(body.uid())));
    }

    /**
     * The body of a token request.
     *
     * @param role  shopper, staff, marketer, admin or kiosk
     * @param store the store, required for staff
     * @param uid   an existing identity, or null for a new one; for a kiosk, its account
     * @param name  a display name (the token's {@code name} claim), or null
     */
    public record TokenRequest(String role, String store, String uid, String name) {
        /** Validates the fields. */
        public TokenRequest {
            if (role == null || Role.fromClaim(role).isEmpty()) {
                throw new InvalidFieldException("role", ProblemCode.NOT_ONE_OF, "shopper, staff, marketer, admin, kiosk");
            }
            if (Role.fromClaim(role).get() == Role.STAFF && (store == null || store.isBlank())) {
                throw new InvalidFieldException("store", ProblemCode.REQUIRED_FOR_STAFF);
            }
            if (Role.fromClaim(role).get() != Role.STAFF && store != null) {
                throw new InvalidFieldException("store", ProblemCode.ONLY_FOR_STAFF);
            }
            uid = InvalidFieldException.optionalText(uid, "uid", 128);
            name = InvalidFieldException.optionalText(name, "name", 100);
            if (uid != null && !uid.matches("[A-Za-z0-9_-]+")) {
                throw new InvalidFieldException("uid", ProblemCode.NOT_AN_IDENTIFIER);
            }
            if (Role.fromClaim(role).get() == Role.KIOSK && uid == null) {
                throw new InvalidFieldException("uid", ProblemCode.REQUIRED_FOR_KIOSK);
            }
        }
    }

    /**
     * An issued dev identity.
     *
     * @param token the ID token
     * @param uid   the user id
     */
    public record DevToken(String token, String uid) {
    }

    /** Signs dev ID tokens. */
    @FunctionalInterface
    public interface Minter {
        /**
         * Issues a token.
         *
         * @param claims the custom claims ({@code role}, {@code store}, …)
         * @param uid    the identity, or empty for a new one
         * @return token and uid
         */
        DevToken mint(Map<String, Object> claims, Optional<String> uid);
    }
}
