package de.kundenpuls.server.profile;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.UnaryOperator;

import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.storage.Transaction;

/**
 * What other features tell the profile feature about a customer: a scan, a redemption, an opened
 * push, an answer, device tokens that push found dead. The profile feature decides what it
 * keeps: learning only with the {@code personalization} consent ({@link Learning}), a dead token
 * always. Other features never change {@link Profiles} themselves. Writer thread only.
 */
public final class CustomerSignals {

    private final Profiles profiles;

    /** @param profiles the profiles this feature keeps */
    public CustomerSignals(Profiles profiles) {
        this.profiles = profiles;
    }

    /**
     * A product was scanned.
     *
     * @return whether the profile learned from it (it exists and allows personalization)
     */
    public boolean scanned(String uid, String gtin, String category, String storeId, Instant now, Transaction tx) {
        return learn(uid, tx, p -> Learning.scan(p, gtin, category, storeId, now));
    }

    /** An offer was redeemed (gtin or category may be null). */
    public void redeemed(String uid, String gtin, String category, String storeId, Instant now, Transaction tx) {
        learn(uid, tx, p -> Learning.redemption(p, gtin, category, storeId, now));
    }

    /** A push message that promoted a category (or none) was opened. */
    public void pushOpened(String uid, String category, Instant now, Transaction tx) {
        learn(uid, tx, p -> Learning.pushOpened(p, category, now));
    }

    /** An answer was accepted (gtin, category and rating may be null). */
    public void answered(String uid, Instant at, String storeId, String gtin, String category, Integer rating, Instant now,
                         Transaction tx) {
        learn(uid, tx, p -> Learning.answer(p, at, storeId, gtin, category, rating, now));
    }

    /**
     * Push found these device tokens unregistered: they leave the profile, consent or not.
     *
     * @param uid    the customer
     * @param tokens the dead tokens
     * @param now    when
     * @param tx     the commit
     */
    public void tokensGone(String uid, Collection<String> tokens, Instant now, Transaction tx) {
        Set<String> dead = Set.copyOf(tokens);
        profiles.update(uid, p -> p.withDevices(p.devices().stream().filter(d -> !dead.contains(d.token())).toList(), now), tx);
    }

    private boolean learn(String uid, Transaction tx, UnaryOperator<Profile> learning) {
        if (uid == null || profiles.find(uid).filter(p -> p.allows(ConsentPurpose.PERSONALIZATION)).isEmpty()) {
            return false;
        }
        return profiles.update(uid, learning, tx).isPresent();
    }
}
