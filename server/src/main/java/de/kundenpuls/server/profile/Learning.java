package de.kundenpuls.server.profile;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Profile;

/**
 * How contacts teach a profile (only ever applied with the {@code personalization} consent): each
 * contact goes into the short history and nudges the affinity of its category; older signals
 * fade by 10 % at each new one in that category.
 */
public final class Learning {

    private Learning() {
    }

    /**
     * A product was scanned: interest.
     *
     * @param p        the profile
     * @param gtin     the product
     * @param category its category
     * @param storeId  where
     * @param now      when
     * @return the updated profile
     */
    public static Profile scan(Profile p, String gtin, String category, String storeId, Instant now) {
        return nudge(p.withInteraction(new Interaction(now, "scan", storeId, gtin, category, null), now), category, 0.1, now);
    }

    /**
     * An offer was redeemed: strong interest.
     *
     * @param p        the profile
     * @param gtin     the product, if any
     * @param category the category, if any
     * @param storeId  where
     * @param now      when
     * @return the updated profile
     */
    public static Profile redemption(Profile p, String gtin, String category, String storeId, Instant now) {
        return nudge(p.withInteraction(new Interaction(now, "redemption", storeId, gtin, category, null), now), category, 0.2, now);
    }

    /**
     * A push message was opened.
     *
     * @param p        the profile
     * @param category the category it promoted, if any
     * @param now      when
     * @return the updated profile
     */
    public static Profile pushOpened(Profile p, String category, Instant now) {
        return nudge(p.withInteraction(new Interaction(now, "push_opened", null, null, category, null), now), category, 0.05, now);
    }

    /**
     * An answer was given: the rating moves the category's affinity (3 of 5 leaves it as it is).
     *
     * @param p        the profile
     * @param at       when the answer was given
     * @param storeId  where
     * @param gtin     the product, if any
     * @param category its category, if any
     * @param rating   the rating 1–5, if any
     * @param now      when it was accepted
     * @return the updated profile
     */
    public static Profile answer(Profile p, Instant at, String storeId, String gtin, String category, Integer rating,
                                 Instant now) {
        Profile next = p.withInteraction(new Interaction(at, "feedback", storeId, gtin, category, rating), now);
        if (category == null || rating == null) {
            return next;
        }
        Map<String, Double> affinities = new HashMap<>(next.affinities());
        double old = affinities.getOrDefault(category, 0.0);
        affinities.put(category, Math.max(-1.0, Math.min(1.0, old * 0.9 + (rating - 3) * 0.15)));
        return next.withAffinities(affinities, now);
    }

    private static Profile nudge(Profile p, String category, double delta, Instant now) {
        if (category == null) {
            return p;
        }
        Map<String, Double> affinities = new HashMap<>(p.affinities());
        double old = affinities.getOrDefault(category, 0.0);
        affinities.put(category, Math.max(-1.0, Math.min(1.0, old * 0.9 + delta)));
        return p.withAffinities(affinities, now);
    }
}
