package de.kundenpuls.server.storage;

/**
 * A modification of the stored object graph, run on the single writer thread.
 *
 * <p>A change must validate everything before it mutates anything. If it throws before it has
 * registered anything with the transaction, only its caller gets the exception. If it throws
 * after (it had begun to mutate), the writer commits nothing of that batch and stops, since the
 * half change cannot be undone in memory: a bug then costs availability, never data.
 *
 * @param <T> what the change returns to its caller
 */
@FunctionalInterface
public interface Change<T> {

    /**
     * Applies the change.
     *
     * @param tx registers what to store
     * @return the result for the caller, returned only after the commit
     */
    T apply(Transaction tx);
}
