package de.kundenpuls.server;

/** The server cannot start; the message is one line for the operator. */
public class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one clear line
     */
    public ServerStartException(String message) {
        super(message);
    }
}
