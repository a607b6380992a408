package de.kundenpuls.server.offer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;

/**
 * Offers, the per-shopper grants with their codes, each shopper's codes, the tallies per grant
 * source, and the stores' recovery settings. Writes on the storage writer thread only.
 *
 * <p>Grants grow with campaigns (one per recipient), so they live in a {@link ShardedMap} by code
 * and a second one by shopper: a grant change stores two small shards, and a shopper's grants are
 * found without a scan. Reports read the {@link GrantTally} of their source instead of walking
 * the grants.
 */
public final class OfferStore {

    private final ConcurrentHashMap<String, OfferView> offers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> recoveryOffers = new ConcurrentHashMap<>();
    private ShardedMap<String, Grant> byCode = new ShardedMap<>();
    private ShardedMap<String, String[]> codesByUid = new ShardedMap<>();
    private ConcurrentHashMap<String, GrantTally> tallies = new ConcurrentHashMap<>();
    /**
     * The layout before 2026-12-02: 256 eager maps of grants by code, rewritten whole per change.
     * Kept only so that such a data directory still loads; {@link #upgrade} moves the grants.
     */
    private ConcurrentHashMap<Integer, ConcurrentHashMap<String, Grant>> grants;

    /**
     * The migration at start from the older layout. Writer thread only.
     *
     * @param tx stores what moved
     */
    public void upgrade(Transaction tx) {
        if (byCode == null) {
            byCode = new ShardedMap<>();
            codesByUid = new ShardedMap<>();
            tallies = new ConcurrentHashMap<>();
            tx.store(this);
        }
        if (grants != null) {
            for (ConcurrentHashMap<String, Grant> shard : grants.values()) {
                for (Grant g : shard.values()) {
                    putGrant(g, tx);
                }
            }
            grants = null;
            tx.store(this);
        }
    }

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
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * A shopper's grants.
     *
     * @param uid the shopper
     * @return their grants
     */
    public List<Grant> grantsOf(String uid) {
        List<Grant> result = new ArrayList<>();
        String[] codes = codesByUid.get(uid);
        for (String code : codes == null ? new String[0] : codes) {
            grant(code).filter(g -> uid.equals(g.uid())).ifPresent(result::add);
        }
        return result;
    }

    /**
     * Drops a shopper's index entry (erasure; their grants are anonymized). Writer thread only.
     *
     * @param uid the shopper
     * @param tx  the transaction
     */
    public void forget(String uid, Transaction tx) {
        codesByUid.remove(uid, tx);
    }

    /**
     * The counts over the grants of one source.
     *
     * @param source {@code campaign:<id>:<variant>}, {@code recovery:<storeId>} or {@code inbox}
     * @return a copy of the counts (zeros when there are none)
     */
    public GrantTally tally(String source) {
        GrantTally t = tallies.get(source);
        return t == null ? new GrantTally() : t.copy();
    }

    /**
     * The tallies of every source that starts with a prefix, by source.
     *
     * @param prefix e.g. {@code campaign:<id>:}
     * @return copies of the counts
     */
    public Map<String, GrantTally> tallies(String prefix) {
        Map<String, GrantTally> result = new java.util.TreeMap<>();
        tallies.forEach((source, t) -> {
            if (source.startsWith(prefix)) {
                result.put(source, t.copy());
            }
        });
        return result;
    }

    /** Adds or replaces a grant. Writer thread only. */
    public void putGrant(Grant grant, Transaction tx) {
        Grant old = byCode.get(grant.code());
        byCode.put(grant.code(), grant, tx);
        if (grant.uid() != null && (old == null || !grant.uid().equals(old.uid()))) {
            String[] codes = codesByUid.get(grant.uid());
            String[] next = codes == null ? new String[] {grant.code()} : Arrays.copyOf(codes, codes.length + 1);
            next[next.length - 1] = grant.code();
            codesByUid.put(grant.uid(), next, tx);
        }
        if (old != null) {
            tally(old, -1, tx);
        }
        tally(grant, 1, tx);
    }

    private void tally(Grant g, int sign, Transaction tx) {
        String source = sourceOf(g);
        GrantTally t = tallies.get(source);
        if (t == null) {
            t = new GrantTally();
            tallies.put(source, t);
            tx.store(tallies);
        }
        t.count(g, sign);
        tx.store(t);
    }

    /** Recovery grants are tallied per store, everything else per source. */
    static String sourceOf(Grant g) {
        return g.recovery() ? "recovery:" + g.storeId() : g.source();
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
}
