package de.kundenpuls.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import de.kundenpuls.server.storage.Transaction;

/** Follow-up cases per store. Writes on the storage writer thread only. */
public final class CaseStore {

    private final ConcurrentHashMap<String, ConcurrentHashMap<UUID, FollowUpCase>> byStore = new ConcurrentHashMap<>();

    /**
     * A case by id.
     *
     * @param id the case
     * @return the case
     */
    public Optional<FollowUpCase> find(UUID id) {
        for (ConcurrentHashMap<UUID, FollowUpCase> cases : byStore.values()) {
            FollowUpCase c = cases.get(id);
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Cases matching a filter.
     *
     * @param storeId a store, or null for all
     * @param filter  the filter
     * @return matching cases
     */
    public List<FollowUpCase> list(String storeId, Predicate<FollowUpCase> filter) {
        List<FollowUpCase> result = new ArrayList<>();
        byStore.forEach((store, cases) -> {
            if (storeId == null || storeId.equals(store)) {
                cases.values().stream().filter(filter).forEach(result::add);
            }
        });
        return result;
    }

    /**
     * Adds or replaces a case. Writer thread only.
     *
     * @param c  the case
     * @param tx the transaction
     */
    public void put(FollowUpCase c, Transaction tx) {
        ConcurrentHashMap<UUID, FollowUpCase> cases = byStore.get(c.storeId());
        if (cases == null) {
            cases = new ConcurrentHashMap<>();
            cases.put(c.id(), c);
            byStore.put(c.storeId(), cases);
            tx.store(byStore);
        } else {
            cases.put(c.id(), c);
            tx.store(cases);
        }
    }
}
