package de.kundenpuls.server.auth;

import java.util.Optional;
import java.util.function.Predicate;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
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

    /**
     * Creates the service.
     *
     * @param minter      signs dev ID tokens that the production verifier accepts
     * @param storeExists whether a store id is known
     */
    public DevTokenService(Minter minter, Predicate<String> storeExists) {
        this.minter = minter;
        this.storeExists = storeExists;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/tokens", this::issue);
    }

    private void issue(ServerRequest req, ServerResponse res) {
        // A dev token can be minted for any existing uid: only a caller on this machine may ask.
        if (!(req.remotePeer().address() instanceof java.net.InetSocketAddress peer) || !peer.getAddress().isLoopbackAddress()) {
            throw ApiException.forbidden("Dev sign-in answers only callers on this machine (loopback)");
        }
        TokenRequest body = JsonBody.read(req, TokenRequest.class);
        Role role = Role.fromClaim(body.role()).orElseThrow();
        if (role == Role.STAFF && !storeExists.test(body.store())) {
            throw ApiException.badRequest("store", "No store with id '" + body.store() + "'");
        }
        Optional<String> store = role == Role.STAFF ? Optional.of(body.store()) : Optional.empty();
        Responses.json(res, minter.mint(role, store, Optional.ofNullable(body.uid())));
    }

    /**
     * The body of a token request.
     *
     * @param role  shopper, staff, marketer or admin
     * @param store the store, required for staff
     * @param uid   an existing identity, or null for a new one
     */
    public record TokenRequest(String role, String store, String uid) {
        /** Validates the fields. */
        public TokenRequest {
            if (role == null || Role.fromClaim(role).isEmpty()) {
                throw new InvalidFieldException("role", "must be shopper, staff, marketer or admin");
            }
            if (Role.fromClaim(role).get() == Role.STAFF && (store == null || store.isBlank())) {
                throw new InvalidFieldException("store", "is required for staff");
            }
            if (Role.fromClaim(role).get() != Role.STAFF && store != null) {
                throw new InvalidFieldException("store", "is only for staff");
            }
            uid = InvalidFieldException.optionalText(uid, "uid", 128);
            if (uid != null && !uid.matches("[A-Za-z0-9_-]+")) {
                throw new InvalidFieldException("uid", "may contain letters, digits, '-' and '_' only");
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
         * @param role  the role claim
         * @param store the store claim for staff
         * @param uid   the identity, or empty for a new one
         * @return token and uid
         */
        DevToken mint(Role role, Optional<String> store, Optional<String> uid);
    }
}
