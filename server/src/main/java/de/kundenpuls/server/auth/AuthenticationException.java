package de.kundenpuls.server.auth;

/** The caller could not be identified: answered with 401. */
public class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the credentials, safe to show to the client
     */
    public AuthenticationException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the credentials, safe to show to the client
     * @param cause   the underlying failure (never shown to the client)
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
