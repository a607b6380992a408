package de.kundenpuls.server.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.google.firebase.FirebaseApp;
import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.server.api.AuthenticationException;

/**
 * Verifies Firebase ID tokens with the Firebase Admin SDK ({@code verifyIdToken}) and reads the
 * role and store from their custom claims. The same code runs in production (Google's
 * certificates) and on the embedded default (the stand-in's certificates of the dev key): only
 * the {@link FirebaseApp}'s transport differs.
 */
public final class FirebaseTokenVerifier implements TokenVerifier {

    private final FirebaseAuth auth;

    /**
     * Creates the verifier.
     *
     * @param app the Firebase app (with the project id set)
     */
    public FirebaseTokenVerifier(FirebaseApp app) {
        this.auth = FirebaseAuth.getInstance(app);
    }

    @Override
    public Caller verify(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new AuthenticationException(ProblemCode.TOKEN_EMPTY);
        }
        FirebaseToken token;
        try {
            token = auth.verifyIdToken(bearerToken);
        } catch (FirebaseAuthException e) {
            throw new AuthenticationException(e.getAuthErrorCode() == AuthErrorCode.EXPIRED_ID_TOKEN
                    ? ProblemCode.TOKEN_EXPIRED : ProblemCode.TOKEN_INVALID, e);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(ProblemCode.TOKEN_NOT_FIREBASE, e);
        }
        Map<String, Object> claims = token.getClaims();
        // An app account (anonymous or with e-mail and password) is made by the app itself and
        // carries no claims: it is a shopper. Every other role is given by the server.
        Object roleClaim = claims.get("role");
        Role role = roleClaim == null ? Role.SHOPPER : Role.fromClaim(roleClaim instanceof String s ? s : null)
                .orElseThrow(() -> new AuthenticationException(ProblemCode.TOKEN_NO_ROLE));
        boolean bound = role == Role.STAFF || role == Role.KIOSK;
        Optional<String> store = bound ? text(claims.get("store")) : Optional.empty();
        if (bound && store.isEmpty()) {
            throw new AuthenticationException(ProblemCode.TOKEN_NO_STORE, role.claim());
        }
        Optional<String> touchpoint = role == Role.KIOSK ? text(claims.get("touchpoint")) : Optional.empty();
        if (role == Role.KIOSK && touchpoint.isEmpty()) {
            throw new AuthenticationException(ProblemCode.TOKEN_NO_TOUCHPOINT);
        }
        Object exp = claims.get("exp");
        Instant expiresAt = exp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : Instant.MAX;
        Optional<String> name = text(token.getName()).or(() -> text(token.getEmail()));
        return new Caller(token.getUid(), role, store, touchpoint, expiresAt, name);
    }

    private static Optional<String> text(Object claim) {
        return claim instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
