package de.kundenpuls.server.feedback;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import de.kundenpuls.server.storage.Transaction;
import org.eclipse.serializer.reference.Lazy;

/**
 * Per customer, the positions of their answers in the {@link AnswerLog}, so that export and
 * erasure read and rewrite only that customer's segments instead of scanning every answer.
 *
 * <p>Two-level and created on demand: {@value #PAGES} lazy pages of {@value #SHARDS_PER_PAGE}
 * small maps, uid → {@link Refs}. A new answer of a known customer stores only their
 * {@code Refs}; a new customer also stores one shard map, which at ten million customers holds
 * about 150 entries. Writer thread only for changes; reads from any thread.
 */
final class CustomerAnswers {

    static final int PAGES = 256;
    static final int SHARDS_PER_PAGE = 256;

    @SuppressWarnings("unchecked")
    private final Lazy<Page>[] pages = new Lazy[PAGES];

    /** One customer's answer positions; replaced, never changed in place. */
    static final class Refs {
        private volatile long[] positions;

        Refs(long[] positions) {
            this.positions = positions;
        }
    }

    /** A page of shard maps. */
    static final class Page {
        @SuppressWarnings("unchecked")
        private final ConcurrentHashMap<String, Refs>[] shards = new ConcurrentHashMap[SHARDS_PER_PAGE];

        Page() {
            for (int i = 0; i < SHARDS_PER_PAGE; i++) {
                shards[i] = new ConcurrentHashMap<>();
            }
        }
    }

    /**
     * The positions of a customer's answers.
     *
     * @param uid the customer
     * @return positions, oldest first; empty when none
     */
    long[] of(String uid) {
        ConcurrentHashMap<String, Refs> shard = existingShard(uid);
        Refs refs = shard == null ? null : shard.get(uid);
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
        ConcurrentHashMap<String, Refs> shard = shard(uid, tx);
        Refs refs = shard.get(uid);
        if (refs == null) {
            shard.put(uid, new Refs(positions.clone()));
            tx.store(shard);
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
        ConcurrentHashMap<String, Refs> shard = existingShard(uid);
        if (shard != null && shard.remove(uid) != null) {
            tx.store(shard);
        }
    }

    private ConcurrentHashMap<String, Refs> existingShard(String uid) {
        int h = hash(uid);
        Lazy<Page> page = pages[h >>> 8 & (PAGES - 1)];
        return page == null ? null : page.get().shards[h & (SHARDS_PER_PAGE - 1)];
    }

    private ConcurrentHashMap<String, Refs> shard(String uid, Transaction tx) {
        int h = hash(uid);
        int p = h >>> 8 & (PAGES - 1);
        if (pages[p] == null) {
            pages[p] = Lazy.Reference(new Page());
            tx.store(pages);
        }
        return pages[p].get().shards[h & (SHARDS_PER_PAGE - 1)];
    }

    private static int hash(String uid) {
        int h = uid.hashCode();
        return h ^ (h >>> 16);
    }
}
