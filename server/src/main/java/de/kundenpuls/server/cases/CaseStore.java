package de.kundenpuls.server.cases;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;

/**
 * Follow-up cases: by id in a {@link ShardedMap}, and two indexes of ids: per store and month of
 * opening (a new case appends to its month's list; a change of a case touches no index), and per
 * customer (export, erasure and the customer's inbox find their cases without a scan). Writes on
 * the storage writer thread only.
 */
public final class CaseStore {

    private final ShardedMap<UUID, FollowUpCase> byId = new ShardedMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<YearMonth, CopyOnWriteArrayList<UUID>>> byStoreMonth =
            new ConcurrentHashMap<>();
    private final ShardedMap<String, CustomerCases> byCustomer = new ShardedMap<>();

    /** The ids of one customer's cases; the array is replaced, never changed in place. */
    static final class CustomerCases {
        private volatile UUID[] ids;

        CustomerCases(UUID[] ids) {
            this.ids = ids;
        }
    }

    /**
     * A case by id.
     *
     * @param id the case
     * @return the case
     */
    public Optional<FollowUpCase> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * A store's cases (or every store's) that match a filter, newest month first.
     *
     * @param storeId a store, or null for all
     * @param filter  the filter
     * @return matching cases
     */
    public List<FollowUpCase> list(String storeId, Predicate<FollowUpCase> filter) {
        List<FollowUpCase> result = new ArrayList<>();
        byStoreMonth.forEach((store, months) -> {
            if (storeId == null || storeId.equals(store)) {
                months.keySet().stream().sorted(java.util.Comparator.reverseOrder()).forEach(month -> {
                    for (UUID id : months.get(month)) {
                        FollowUpCase c = byId.get(id);
                        if (c != null && filter.test(c)) {
                            result.add(c);
                        }
                    }
                });
            }
        });
        return result;
    }

    /**
     * A customer's cases, found through the per-customer index.
     *
     * @param uid the customer
     * @return their cases
     */
    public List<FollowUpCase> ofCustomer(String uid) {
        CustomerCases mine = byCustomer.get(uid);
        if (mine == null) {
            return List.of();
        }
        return Arrays.stream(mine.ids).map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Adds or replaces a case. Writer thread only.
     *
     * @param c  the case
     * @param tx the transaction
     */
    public void put(FollowUpCase c, Transaction tx) {
        boolean added = byId.get(c.id()) == null;
        byId.put(c.id(), c, tx);
        if (!added) {
            return;
        }
        ConcurrentHashMap<YearMonth, CopyOnWriteArrayList<UUID>> months = byStoreMonth.get(c.storeId());
        if (months == null) {
            months = new ConcurrentHashMap<>();
            byStoreMonth.put(c.storeId(), months);
            tx.store(byStoreMonth);
        }
        YearMonth month = YearMonth.from(c.openedAt().atZone(ZoneOffset.UTC));
        CopyOnWriteArrayList<UUID> ids = months.get(month);
        if (ids == null) {
            ids = new CopyOnWriteArrayList<>();
            months.put(month, ids);
            tx.store(months);
        }
        ids.add(c.id());
        tx.store(ids);
        if (c.customerUid() != null) {
            CustomerCases mine = byCustomer.get(c.customerUid());
            if (mine == null) {
                byCustomer.put(c.customerUid(), new CustomerCases(new UUID[] {c.id()}), tx);
            } else {
                UUID[] joined = Arrays.copyOf(mine.ids, mine.ids.length + 1);
                joined[joined.length - 1] = c.id();
                mine.ids = joined;
                tx.store(mine);
            }
        }
    }

    /**
     * Removes a customer from the index after their cases were anonymized (erasure). Writer
     * thread only.
     *
     * @param uid the customer
     * @param tx  the transaction
     */
    public void forgetCustomer(String uid, Transaction tx) {
        byCustomer.remove(uid, tx);
    }
}
