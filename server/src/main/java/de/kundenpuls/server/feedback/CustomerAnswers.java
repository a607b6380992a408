package de.kundenpuls.server.feedback;

import java.util.Arrays;

import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;

/**
 * Per customer, the positions of their answers in the {@link AnswerLog}, so that export and
 * erasure read and rewrite only that customer's segments instead of scanning every answer. A new
 * answer of a known customer stores only their {@link Refs}; a new customer also one shard map.
 * Writer thread only for changes; reads from any thread.
 */
final class CustomerAnswers {

    private final ShardedMap<String, Refs> byCustomer = new ShardedMap<>();

    /** One customer's answer positions; the array is replaced, never changed in place. */
    static final class Refs {
        private volatile long[] positions;

        Refs(long[] positions) {
            this.positions = positions;
        }
    }

    /**
     * The positions of a customer's answers.
     *
     * @param uid the customer
     * @return positions, oldest first; empty when none
     */
    long[] of(String uid) {
        Refs refs = byCustomer.get(uid);
        return refs == null ? new long[0] : refs.positions.clone();
    }

    /**
     * Records new answers of a customer. Writer thread only.
     *
     * @param uid       the customer
     * @param positions the answers' positions
     * @param tx        the transaction
     */
    void add(String uid, long[] positions, Transaction tx) {
        Refs refs = byCustomer.get(uid);
        if (refs == null) {
            byCustomer.put(uid, new Refs(positions.clone()), tx);
            return;
        }
        long[] old = refs.positions;
        long[] joined = Arrays.copyOf(old, old.length + positions.length);
        System.arraycopy(positions, 0, joined, old.length, positions.length);
        refs.positions = joined;
        tx.store(refs);
    }

    /**
     * Forgets a customer (erasure): their uid leaves the index. Writer thread only.
     *
     * @param uid the customer
     * @param tx  the transaction
     */
    void remove(String uid, Transaction tx) {
        byCustomer.remove(uid, tx);
    }
}
