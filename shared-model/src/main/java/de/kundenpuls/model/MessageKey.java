package de.kundenpuls.model;

/**
 * The key of a text in the message bundles ({@code de/kundenpuls/model/messages*.properties}): a
 * {@link ProblemCode}, or a note the server writes for people (an audit entry).
 */
public interface MessageKey {

    /** @return the bundle key, e.g. {@code unknown-store} */
    String key();
}
