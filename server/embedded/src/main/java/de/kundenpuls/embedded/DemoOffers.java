package de.kundenpuls.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.model.offer.OfferView;

/** The demo's offers, created through the API: four for everyone, the campaign's, and the apology. */
final class DemoOffers {

    private DemoOffers() {
    }

    /**
     * The offers the rest of the demo refers to.
     *
     * @param campaignOffer the offer the A/B campaign sends with its message
     * @param recovery      the apology a store gives when it answers a complaint
     */
    record Created(OfferView campaignOffer, OfferView recovery) {

        /**
         * Makes the apology every store's recovery offer (after the history, so that no past
         * complaint is answered with a push today).
         *
         * @param marketer a marketer's client
         * @param stores   the stores
         */
        void recoveryFor(KundenpulsClient marketer, List<StoreView> stores) {
            stores.forEach(s -> marketer.recovery().setOffer(s.id(), recovery.id()));
        }
    }

    /**
     * Creates the offers.
     *
     * @param marketer a marketer's client
     * @param now      the time
     * @return the campaign's and the apology offer
     */
    static Created create(KundenpulsClient marketer, Instant now) {
        Instant from = now.minus(Duration.ofDays(7));
        offer(marketer, "Brötchen: 2 für 1", "Bread rolls: 2 for 1", "Jeden Morgen frisch aus dem Ofen.",
                "Fresh from the oven every morning.", "bakery", "2 für 1", from, now.plus(Duration.ofDays(10)), List.of(), false);
        offer(marketer, "10 € auf Laufschuhe", "€10 off running shoes", "Für alle Größen, solange der Vorrat reicht.",
                "All sizes, while stocks last.", "shoes", "−10 €", from, now.plus(Duration.ofDays(21)), List.of(), false);
        offer(marketer, "Drogerie −15 %", "Health & beauty −15 %", "Nur in Wien Neubau.", "Only in Vienna Neubau.", "cosmetics",
                "−15 %", from, now.plus(Duration.ofDays(14)), List.of("wien-neubau"), false);
        offer(marketer, "Sportwoche: −20 % auf Sportartikel", "Sports week: −20 % on sports gear", "Bewegung lohnt sich.",
                "Get moving.", "sports", "−20 %", from, now.plus(Duration.ofDays(5)), List.of(), false);
        OfferView breakfast = offer(marketer, "Frühstücks-Woche: Molkereiprodukte −20 %", "Breakfast week: dairy −20 %",
                "Milch, Joghurt und Käse zum Wochenstart.", "Milk, yoghurt and cheese to start the week.", "dairy", "−20 %",
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), List.of(), false);
        OfferView sorry = offer(marketer, "Ein Kaffee aufs Haus", "A coffee on us", "Als Entschuldigung – an der Servicetheke.",
                "Our apology – at the service desk.", "beverages", "gratis", now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(365)), List.of(), true);
        return new Created(breakfast, sorry);
    }

    private static OfferView offer(KundenpulsClient marketer, String titleDe, String titleEn, String textDe, String textEn,
                                   String category, String benefit, Instant from, Instant to, List<String> stores,
                                   boolean recovery) {
        return marketer.offers().create(new OfferDefinition(Map.of("de", titleDe, "en", titleEn),
                Map.of("de", textDe, "en", textEn), null, category, benefit, from, to, stores, recovery));
    }
}
