package de.kundenpuls.server.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.AuthenticationException;
import de.kundenpuls.server.api.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Who may call which route. Every route is registered through {@link #allow} (with its roles) or
 * {@link #anyone} (public), so each service's routing states its access rules where they are
 * read.
 *
 * <p>Verified tokens are cached until they expire: verification is an RSA signature check plus
 * JSON parsing, which at thousands of requests per second would dominate a cheap endpoint.
 */
public final class Access {

    private static final int CACHE_LIMIT = 100_000;

    private final TokenVerifier verifier;
    private final java.util.function.Predicate<String> activeKiosk;
    private final Map<String, Verified> verified = Caffeine.newBuilder().maximumSize(CACHE_LIMIT)
            .expireAfterWrite(Duration.ofMinutes(10)).<String, Verified>build().asMap();

    /**
     * Creates the access rules.
     *
     * @param verifier verifies bearer tokens
     */
    public Access(TokenVerifier verifier) {
        this(verifier, uid -> false);
    }

    /**
     * Creates the access rules.
     *
     * @param verifier    verifies bearer tokens
     * @param activeKiosk whether a kiosk account is enrolled and not revoked; asked on every
     *                    request of a kiosk, so a revoked kiosk is out at once, not when its token
     *                    expires
     */
    public Access(TokenVerifier verifier, java.util.function.Predicate<String> activeKiosk) {
        this.verifier = verifier;
        this.activeKiosk = activeKiosk;
    }

    /**
     * A route for some roles only.
     *
     * @param handler the handler
     * @param roles   the roles allowed
     * @return a Helidon handler answering 401 without a valid token and 403 for other roles
     */
    public Handler allow(AuthorizedHandler handler, Role... roles) {
        Set<Role> allowed = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        return new Guarded(allowed, (req, res) -> {
            Caller caller = require(req);
            if (!allowed.contains(caller.role())) {
                throw ApiException.forbidden(ProblemCode.ROLE_FORBIDDEN, caller.role().claim());
            }
            handler.handle(caller, req, res);
        });
    }

    /**
     * A route whose handler identifies its caller itself (a live stream opened with a single-use
     * ticket instead of a header) and allows only the given roles; stated here like every other
     * route's roles, so that the routing can be read back.
     *
     * @param selfChecking the handler, which must refuse other roles
     * @param roles        the roles it allows
     * @return the handler
     */
    public static Handler checkedBy(Handler selfChecking, Role... roles) {
        return new Guarded(EnumSet.copyOf(Arrays.asList(roles)), selfChecking);
    }

    /**
     * A route's handler that states who may call it, so that the routing can be read back (the
     * role matrix test walks every route with every role).
     *
     * @param roles    the roles allowed; empty for a public route
     * @param delegate the handler
     */
    public record Guarded(Set<Role> roles, Handler delegate) implements Handler {

        /** @return whether anyone may call it, signed in or not */
        public boolean isPublic() {
            return roles.isEmpty();
        }

        @Override
        public void handle(ServerRequest req, ServerResponse res) throws Exception {
            delegate.handle(req, res);
        }
    }

    /**
     * A public route: the caller is optional, but a token that is sent must be valid.
     *
     * @param handler the handler; gets an empty caller for anonymous requests
     * @return a Helidon handler
     */
    public Handler anyone(OptionalCallerHandler handler) {
        return new Guarded(Set.of(), (req, res) -> handler.handle(optionalCaller(req), req, res));
    }

    /**
     * The verified caller of a request.
     *
     * @param req the request
     * @return the caller
     * @throws AuthenticationException when no valid bearer token was sent
     */
    public Caller require(ServerRequest req) {
        return optionalCaller(req).orElseThrow(() -> new AuthenticationException(ProblemCode.SIGN_IN_REQUIRED));
    }

    /**
     * The caller of a request, if it sent a token.
     *
     * @param req the request
     * @return the caller, or empty when no Authorization header was sent
     * @throws AuthenticationException when a token was sent but is invalid
     */
    public Optional<Caller> optionalCaller(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthenticationException(ProblemCode.BEARER_MALFORMED);
        }
        return Optional.of(verify(value.substring(7).strip()));
    }

    /**
     * Verifies a raw token (for the one route where it may come as a query parameter).
     *
     * @param token the ID token
     * @return the caller
     * @throws AuthenticationException when the token is invalid
     */
    public Caller verify(String token) {
        long now = System.currentTimeMillis() / 1000;
        Verified cached = verified.get(token);
        Caller caller;
        if (cached != null && cached.expiresAt() > now) {
            caller = cached.caller();
        } else {
            caller = verifier.verify(token);
            verified.put(token, new Verified(caller, expiry(token, now)));
        }
        if (caller.role() == Role.KIOSK && !activeKiosk.test(caller.uid())) {
            throw new AuthenticationException(ProblemCode.KIOSK_REVOKED);
        }
        return caller;
    }

    /**
     * Fails unless a staff caller belongs to the given store; other roles pass.
     *
     * @param caller  the caller
     * @param storeId the store the request concerns
     */
    public static void requireStore(Caller caller, String storeId) {
        if ((caller.role() == Role.STAFF || caller.role() == Role.KIOSK) && !caller.storeId().orElseThrow().equals(storeId)) {
            throw ApiException.forbidden(ProblemCode.OTHER_STORE, caller.storeId().get(), storeId);
        }
    }

    /**
     * Forgets cached verifications of a user, e.g. after the account was erased.
     *
     * @param uid the user
     */
    public void forget(String uid) {
        verified.values().removeIf(v -> v.caller().uid().equals(uid));
    }

    /**
     * The {@code exp} claim of a token that has just been verified, capped at ten minutes so that a
     * cached verification never outlives a revocation for long.
     */
    private static long expiry(String token, long now) {
        long cap = now + 600;
        try {
            int first = token.indexOf('.');
            int second = token.indexOf('.', first + 1);
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            long exp = Json.mapper().readTree(payload).path("exp").asLong(0);
            return exp <= 0 ? now : Math.min(exp, cap);
        } catch (IOException | RuntimeException e) {
            return now;
        }
    }

    private record Verified(Caller caller, long expiresAt) {
    }

    /** A public route's handler. */
    @FunctionalInterface
    public interface OptionalCallerHandler {
        /**
         * Handles the request.
         *
         * @param caller the caller, empty when anonymous
         * @param req    the request
         * @param res    the response
         */
        void handle(Optional<Caller> caller, ServerRequest req, ServerResponse res);
    }
}
