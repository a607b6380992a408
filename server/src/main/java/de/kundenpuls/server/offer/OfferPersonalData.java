package de.kundenpuls.server.offer;

import java.util.List;
import java.util.Optional;

import de.kundenpuls.server.privacy.PersonalData;
import de.kundenpuls.server.storage.Transaction;

/** A shopper's offer codes and redemptions, for export and erasure (counts stay anonymous). */
public final class OfferPersonalData implements PersonalData {

    private final OfferStore store;

    /**
     * Creates the holder.
     *
     * @param store offers and grants
     */
    public OfferPersonalData(OfferStore store) {
        this.store = store;
    }

    @Override
    public String section() {
        return "offers";
    }

    @Override
    public Optional<Object> export(String uid) {
        List<Grant> grants = store.grantsOf(uid);
        return grants.isEmpty() ? Optional.empty() : Optional.of(grants);
    }

    @Override
    public void erase(String uid, Transaction tx) {
        for (Grant g : store.grantsOf(uid)) {
            store.putGrant(g.anonymized(), tx);
        }
        store.forget(uid, tx);
    }
}
