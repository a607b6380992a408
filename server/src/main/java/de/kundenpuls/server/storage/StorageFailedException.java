package de.kundenpuls.server.storage;

/** A commit could not be written; the caller's change is not durable and must not be acknowledged. */
public class StorageFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause   the storage error
     */
    public StorageFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
