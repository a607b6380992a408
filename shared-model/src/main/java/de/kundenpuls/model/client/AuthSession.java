package de.kundenpuls.model.client;

/**
 * Where a client's ID tokens come from: one session per identity serves every API call (the
 * outbox included). A token is renewed before it expires, and once more when the server answers
 * 401 anyway (a clock off, a revoked session).
 *
 * <p>Implementations: {@link FirebaseAuthSession} (Firebase Authentication over its REST API, in
 * production and against the Auth emulator) and {@link DevAuthSession} (the embedded default's
 * dev sign-in).
 */
public interface AuthSession {

    /** The account's user id. */
    String uid();

    /**
     * An ID token that is valid for at least another minute.
     *
     * @return the token
     */
    String idToken();

    /**
     * A fresh ID token, after the server refused the current one.
     *
     * @return the token
     */
    String refreshAfterUnauthorized();
}
