package de.kundenpuls.server.api;

import de.kundenpuls.model.Message;
import de.kundenpuls.model.ProblemCode;

/** 401: the caller could not be identified; names the {@code Authorization} header. */
public final class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code what is wrong with the credentials
     * @param args the arguments of the code's text
     */
    public AuthenticationException(ProblemCode code, Object... args) {
        super("Authorization", Message.of(code, args), null);
    }

    /**
     * @param code  what is wrong with the credentials
     * @param cause the underlying failure (logged, never shown)
     */
    public AuthenticationException(ProblemCode code, Throwable cause) {
        super("Authorization", Message.of(code), cause);
    }
}
