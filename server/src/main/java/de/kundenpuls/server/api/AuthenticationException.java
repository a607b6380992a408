package de.kundenpuls.server.api;

/** The caller could not be identified: answered with 401. */
public class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problem type; {@code about:blank} unless a client must tell this case apart. */
    private final String type;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the credentials, safe to show to the client
     */
    public AuthenticationException(String message) {
        super(message);
        this.type = "about:blank";
    }

    /**
     * Creates the exception with a problem type of its own.
     *
     * @param type    the problem type (a URI a client can act on, e.g. a revoked kiosk)
     * @param message what is wrong, safe to show to the client
     * @param cause   null
     */
    public AuthenticationException(String type, String message, Void cause) {
        super(message);
        this.type = type;
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the credentials, safe to show to the client
     * @param cause   the underlying failure (never shown to the client)
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.type = "about:blank";
    }

    /** The problem type. */
    public String type() {
        return type;
    }
}
