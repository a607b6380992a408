package de.kundenpuls.server.storage;

/** The data directory cannot be used; the server must not start. */
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line saying what is wrong with which directory
     * @param cause   the underlying error, or null
     */
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
