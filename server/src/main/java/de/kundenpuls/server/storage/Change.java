package de.kundenpuls.server.storage;

/**
 * A modification of the stored object graph, run on the single writer thread.
 *
 * <p>A change must validate everything before it mutates anything: if it throws, its caller gets
 * the exception and nothing of it is stored; if it mutated the graph before throwing, that partial
 * state would leak into the next commit.
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
