package de.kundenpuls.server.offer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Interaction;
import de.kundenpuls.model.profile.Profile;

/**
 * Ranks the active offers for one shopper. With the {@code personalization} consent the learned
 * profile counts — category affinity (a recent bad rating pulls a category down), products they
 * scanned, redemptions, the home store — and every offer says why in words. Without it everyone
 * gets the same order: what ends soonest first.
 */
public final class OfferRanking {

    private OfferRanking() {
    }

    /**
     * A ranked offer.
     *
     * @param offer  the offer
     * @param score  higher is better
     * @param reason why, in the shopper's language
     */
    public record Ranked(OfferView offer, double score, String reason) {
    }

    /**
     * Ranks offers.
     *
     * @param profile       the shopper, or null when they have none yet
     * @param offers        active offers
     * @param lang          de or en
     * @param categoryName  category id → display name in lang
     * @param productName   gtin → display name in lang
     * @param storeName     store id → name
     * @param now           the time
     * @return best first
     */
    public static List<Ranked> rank(Profile profile, List<OfferView> offers, String lang, Function<String, String> categoryName,
                                    Function<String, String> productName, Function<String, String> storeName, Instant now) {
        boolean personal = profile != null && profile.allows(ConsentPurpose.PERSONALIZATION);
        boolean de = !"en".equals(lang);
        List<Ranked> ranked = new ArrayList<>();
        for (OfferView offer : offers) {
            var d = offer.definition();
            double days = Math.max(0, (d.validTo().getEpochSecond() - now.getEpochSecond()) / 86_400.0);
            // The shared order: ending soon first (a small term, so personal signals dominate when allowed).
            double score = -days / 1000.0;
            // Without a personal signal (or without the consent to use one) the offer is simply for
            // everyone, and the shopper is told so; its end date is shown next to it anyway.
            String reason = de ? "Für alle – nicht persönlich ausgewählt" : "For everyone – not picked for you personally";
            if (personal) {
                double best = 0;
                if (d.category() != null) {
                    double affinity = profile.affinities().getOrDefault(d.category(), 0.0);
                    score += 2 * affinity;
                    if (affinity > 0.1) {
                        best = affinity;
                        reason = de ? "Weil Sie " + categoryName.apply(d.category()) + " mögen"
                                : "Because you like " + categoryName.apply(d.category()).toLowerCase(Locale.ROOT);
                    }
                }
                if (d.gtin() != null) {
                    long scans = profile.history().stream().filter(i -> i.kind().equals("scan")
                            && d.gtin().value().equals(i.gtin())).count();
                    double affinity = productCategoryAffinity(profile, d.gtin().value());
                    score += 0.6 * scans + 2 * affinity;
                    if (scans > 0 && 0.6 * scans >= best) {
                        best = 0.6 * scans;
                        reason = de ? "Weil Sie sich " + productName.apply(d.gtin().value()) + " " + scans + "× angesehen haben"
                                : "Because you looked at " + productName.apply(d.gtin().value()) + " " + scans + "×";
                    }
                }
                long redeemed = profile.history().stream().filter(i -> i.kind().equals("redemption")
                        && d.category() != null && d.category().equals(i.category())).count();
                score += 0.3 * redeemed;
                if (profile.homeStoreId() != null && (d.storeIds().isEmpty() || d.storeIds().contains(profile.homeStoreId()))) {
                    score += 0.2;
                    if (best == 0 && !d.storeIds().isEmpty()) {
                        reason = de ? "In Ihrem Markt " + storeName.apply(profile.homeStoreId())
                                : "In your store " + storeName.apply(profile.homeStoreId());
                    }
                }
            }
            ranked.add(new Ranked(offer, score, reason));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparing(r -> r.offer().definition().validTo())
                .thenComparing(r -> r.offer().id()));
        return ranked;
    }

    private static double productCategoryAffinity(Profile profile, String gtin) {
        for (Interaction i : profile.history()) {
            if (gtin.equals(i.gtin()) && i.category() != null) {
                return profile.affinities().getOrDefault(i.category(), 0.0);
            }
        }
        return 0;
    }
}
