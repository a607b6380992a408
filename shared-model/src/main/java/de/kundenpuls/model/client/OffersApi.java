package de.kundenpuls.model.client;

import java.util.List;
import java.util.Map;

import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.offer.Redemption;

/** Offers ({@code /api/offers}): defined by marketers, redeemed by staff at the till. */
public final class OffersApi {

    private final KundenpulsClient client;

    OffersApi(KundenpulsClient client) {
        this.client = client;
    }

    /** All offers, newest first. */
    public List<OfferView> list() {
        return client.get("/api/offers", Offers.class).items();
    }

    /**
     * Defines an offer.
     *
     * @param definition the offer
     * @return it, with its id
     */
    public OfferView create(OfferDefinition definition) {
        return client.send("POST", "/api/offers", definition, OfferView.class);
    }

    /**
     * Changes an offer.
     *
     * @param id         the offer
     * @param definition its new definition
     * @return it
     */
    public OfferView update(String id, OfferDefinition definition) {
        return client.send("PUT", "/api/offers/" + id, definition, OfferView.class);
    }

    /**
     * One offer.
     *
     * @param id the offer
     * @return it
     */
    public OfferView get(String id) {
        return client.get("/api/offers/" + id, OfferView.class);
    }

    /**
     * Redeems a shopper's code at the caller's store (once only).
     *
     * @param code the EAN-13 redeem code shown in the app
     * @return what was redeemed where
     */
    public Redemption redeem(String code) {
        return client.send("POST", "/api/offers/redeem", Map.of("code", code), Redemption.class);
    }

    /**
     * The body of the offer list.
     *
     * @param items the offers
     */
    public record Offers(List<OfferView> items) {
    }
}
