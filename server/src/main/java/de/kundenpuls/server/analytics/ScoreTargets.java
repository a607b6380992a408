package de.kundenpuls.server.analytics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.kundenpuls.model.analytics.ScoreTarget;
import de.kundenpuls.server.storage.Transaction;

/**
 * The CSAT and NPS targets per store. One small map (a chain has hundreds of stores, not
 * millions), stored whole on a change; read from any thread, written on the writer thread.
 */
public final class ScoreTargets {

    private final ConcurrentHashMap<String, ScoreTarget> byStore = new ConcurrentHashMap<>();

    /**
     * Sets or clears a store's target. Writer thread only.
     *
     * @param storeId the store
     * @param target  the target; an empty one removes it
     * @param tx      the commit
     */
    public void set(String storeId, ScoreTarget target, Transaction tx) {
        if (target.isEmpty()) {
            byStore.remove(storeId);
        } else {
            byStore.put(storeId, target);
        }
        tx.store(byStore);
    }

    /** Every store's target, by store id in order. */
    public Map<String, ScoreTarget> all() {
        return new TreeMap<>(byStore);
    }
}
