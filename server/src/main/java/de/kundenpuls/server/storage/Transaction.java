package de.kundenpuls.server.storage;

/**
 * What a change tells the writer: which objects it modified and must be stored in the commit
 * that acknowledges it.
 */
public interface Transaction {

    /**
     * Registers objects to be stored in this commit. Store the object that changed (the map or
     * bucket that got a new entry, the entity whose field was replaced), never the whole root.
     *
     * @param first the first modified object
     * @param more  further modified objects
     */
    void store(Object first, Object... more);

    /**
     * Registers one object to be stored in this commit. Why the varargs form above needs a
     * first parameter: with a plain {@code store(Object...)}, a changed {@code Cell[]} would be
     * taken as the list of objects to store, and the array itself would never be written.
     *
     * @param changed the modified object, an array included
     */
    void store(Object changed);

    /**
     * Runs an action after the commit holding this change is durable, on the writer thread.
     * Listeners (SSE streams, alerts) must only ever hear of what is on disk.
     *
     * @param action a short, non-blocking action
     */
    void afterCommit(Runnable action);
}
