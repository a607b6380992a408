package de.kundenpuls.app.offers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import de.kundenpuls.app.ShopperApp;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.model.offer.PersonalOffer;

/**
 * Push on the desktop: Gluon's push-notifications module is not available here, so the app looks
 * into the inbox now and then and shows a new offer as an in-app notification. On a device build
 * the push message arrives through FCM instead (see README).
 */
public final class OfferWatcher {

    private static final Logger LOG = Logger.getLogger(OfferWatcher.class.getName());

    private final ShopperApp app;
    private Set<String> seen;

    /** @param app the shopper app */
    public OfferWatcher(ShopperApp app) {
        this.app = app;
    }

    /** Looks for offers that were not there last time and announces them. */
    public void check() {
        if (app.shopperUid().isEmpty()) {
            return;
        }
        try {
            List<PersonalOffer> offers = OffersScreen.load(app);
            Set<String> now = new HashSet<>();
            offers.forEach(o -> now.add(o.offerId()));
            if (seen != null) {
                offers.stream().filter(o -> !seen.contains(o.offerId())).findFirst()
                        .ifPresent(o -> app.notifyUser(Texts.t("offers.new", o.title(), o.benefit())));
            }
            seen = now;
        } catch (RuntimeException e) {
            // Offline: try again next time; nothing is lost, the inbox is on the server.
            LOG.log(Level.FINE, "offer check failed", e);
        }
    }
}
