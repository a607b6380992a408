package de.kundenpuls.server.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.CampaignDefinition.Variant;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.profile.Profile;

/** Picks a profile's variant (A/B by shares, stable per profile) and fills the placeholders. */
final class MessageRenderer {

    private MessageRenderer() {
    }

    /** Variant ids with their shares (even split when none given). */
    static Map<String, Integer> shares(CampaignDefinition d) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        for (Variant v : d.variants()) {
            shares.putIfAbsent(v.id(), v.share());
        }
        if (shares.values().stream().anyMatch(s -> s == null)) {
            int n = shares.size();
            List<String> ids = new ArrayList<>(shares.keySet());
            for (int i = 0; i < n; i++) {
                shares.put(ids.get(i), 100 / n + (i < 100 % n ? 1 : 0));
            }
        }
        return shares;
    }

    /** The variant of a profile: a stable hash of campaign and profile into the shares. */
    static String variantOf(String campaignId, String uid, Map<String, Integer> shares) {
        int bucket = Math.floorMod((campaignId + "|" + uid).hashCode() * 0x9E3779B1, 100);
        int cumulative = 0;
        String last = null;
        for (Map.Entry<String, Integer> e : shares.entrySet()) {
            cumulative += e.getValue();
            last = e.getKey();
            if (bucket < cumulative) {
                return e.getKey();
            }
        }
        return last;
    }

    /** The text of a variant in the profile's language, else German, else the first. */
    static Variant text(CampaignDefinition d, String variantId, String locale) {
        Variant fallback = null;
        for (Variant v : d.variants()) {
            if (v.id().equals(variantId)) {
                if (v.locale().equals(locale)) {
                    return v;
                }
                if (fallback == null || v.locale().equals("de")) {
                    fallback = v;
                }
            }
        }
        return fallback;
    }

    /** What {@code {offer}} becomes: the benefit and the offer's title in a language, else German. */
    static String offerText(OfferView offer, String locale) {
        var d = offer.definition();
        return d.benefit() + " " + d.title().getOrDefault(locale, d.title().get("de"));
    }

    /**
     * Fills {@code {firstName}}, {@code {store}} and {@code {offer}}.
     *
     * @param text      the template
     * @param profile   the recipient
     * @param storeName their home store's name
     * @param offer     the offer text, or empty
     * @return the text
     */
    static String fill(String text, Profile profile, String storeName, String offer) {
        String name = profile.contact().name() == null ? "" : profile.contact().name().strip().split("\\s+")[0];
        return text.replace("{firstName}", name).replace("{store}", storeName == null ? "" : storeName)
                .replace("{offer}", offer == null ? "" : offer).replaceAll(" {2,}", " ").replace(" ,", ",").replace(" !", "!").strip();
    }
}
