package de.kundenpuls.server.auth;

import de.kundenpuls.server.api.AuthenticationException;

/** Turns a bearer token into a verified {@link Caller}. */
public interface TokenVerifier {

    /**
     * Verifies a token.
     *
     * @param bearerToken the token without the {@code Bearer } prefix
     * @return the caller it identifies
     * @throws AuthenticationException when the token is missing, malformed, expired, badly signed,
     *                                 or carries no valid role
     */
    Caller verify(String bearerToken) throws AuthenticationException;
}
