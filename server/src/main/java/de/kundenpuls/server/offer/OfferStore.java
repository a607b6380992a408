package de.kundenpuls.server.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.server.storage.Transaction;

/**
 * Offers, the per-shopper grants with their codes (256 shards by code), and the stores' recovery
 * settings. Writes on the storage writer thread only.
 */
public final class OfferStore {

    private static final int SHARDS = 256;

    private final ConcurrentHashMap<String, OfferView> offers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentHashMap<String, Grant>> grants = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> recoveryOffers = new ConcurrentHashMap<>();
    // Derived, not stored: the codes of each shopper. Per-shopper look-ups (the offers inbox, and
    // service recovery on every signed-in answer, on the writer thread) must not scan all grants.
    private transient volatile ConcurrentHashMap<String, java.util.Set<String>> codesByUid;

    /** An offer by id. */
    public Optional<OfferView> offer(String id) {
        return Optional.ofNullable(offers.get(id));
    }

    /** All offers. */
    public List<OfferView> offers() {
        return new ArrayList<>(offers.values());
    }

    /** Adds or replaces an offer. Writer thread only. */
    public void putOffer(OfferView offer, Transaction tx) {
        offers.put(offer.id(), offer);
        tx.store(offers);
    }

    /** A grant by code. */
    public Optional<Grant> grant(String code) {
        ConcurrentHashMap<String, Grant> shard = grants.get(shard(code));
        return shard == null ? Optional.empty() : Optional.ofNullable(shard.get(code));
    }

    /**
     * A shopper's grants.
     *
     * @param uid the shopper
     * @return their grants
     */
    public List<Grant> grantsOf(String uid) {
        List<Grant> result = new ArrayList<>();
        for (String code : byUid().getOrDefault(uid, java.util.Set.of())) {
            grant(code).filter(g -> uid.equals(g.uid())).ifPresent(result::add);
        }
        return result;
    }

    private ConcurrentHashMap<String, java.util.Set<String>> byUid() {
        ConcurrentHashMap<String, java.util.Set<String>> index = codesByUid;
        if (index == null) {
            synchronized (this) {
                index = codesByUid;
                if (index == null) {
                    index = new ConcurrentHashMap<>();
                    for (ConcurrentHashMap<String, Grant> shard : grants.values()) {
                        for (Grant g : shard.values()) {
                            if (g.uid() != null) {
                                index.computeIfAbsent(g.uid(), k -> ConcurrentHashMap.newKeySet()).add(g.code());
                            }
                        }
                    }
                    codesByUid = index;
                }
            }
        }
        return index;
    }

    /**
     * Drops a shopper from the derived index (erasure; their grants are anonymized).
     *
     * @param uid the shopper
     */
    public void forget(String uid) {
        byUid().remove(uid);
    }

    /** Grants matching a filter (scans all shards; for reports, not per-shopper look-ups). */
    public List<Grant> grants(Predicate<Grant> filter) {
        List<Grant> result = new ArrayList<>();
        grants.values().forEach(shard -> shard.values().stream().filter(filter).forEach(result::add));
        return result;
    }

    /** Adds or replaces a grant. Writer thread only. */
    public void putGrant(Grant grant, Transaction tx) {
        if (grant.uid() != null) {
            byUid().computeIfAbsent(grant.uid(), k -> ConcurrentHashMap.newKeySet()).add(grant.code());
        }
        ConcurrentHashMap<String, Grant> shard = grants.get(shard(grant.code()));
        if (shard == null) {
            shard = new ConcurrentHashMap<>();
            shard.put(grant.code(), grant);
            grants.put(shard(grant.code()), shard);
            tx.store(grants);
        } else {
            shard.put(grant.code(), grant);
            tx.store(shard);
        }
    }

    /** The recovery offer of a store, if it has one. */
    public Optional<String> recoveryOffer(String storeId) {
        return Optional.ofNullable(recoveryOffers.get(storeId));
    }

    /** All stores' recovery offers. */
    public java.util.Map<String, String> recoveryOffers() {
        return java.util.Map.copyOf(recoveryOffers);
    }

    /** Sets a store's recovery offer. Writer thread only. */
    public void setRecoveryOffer(String storeId, String offerId, Transaction tx) {
        recoveryOffers.put(storeId, offerId);
        tx.store(recoveryOffers);
    }

    private static int shard(String code) {
        return Math.floorMod(code.hashCode(), SHARDS);
    }
}
