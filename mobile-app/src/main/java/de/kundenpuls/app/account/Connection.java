package de.kundenpuls.app.account;

import java.util.UUID;

import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.model.client.KundenpulsClient;

/**
 * The app's way to the server: anonymous for the catalog, as the shopper for their profile,
 * offers and dialog, as staff for a kiosk's cases. The shopper keeps one account id on the
 * device. Sign-in uses the server's dev sign-in (the embedded default); on a device build the
 * Firebase Authentication SDK hands out the ID token instead (see README).
 */
public final class Connection {

    private final KundenpulsClient anonymous;
    private final AppSettings settings;
    private KundenpulsClient shopper;
    private KundenpulsClient staff;
    private String staffStore;

    /**
     * @param baseUrl  the server, e.g. {@code http://localhost:8080}
     * @param settings where the shopper's account id is kept
     */
    public Connection(String baseUrl, AppSettings settings) {
        // Error details from the server come in the app's current language.
        this.anonymous = KundenpulsClient.create(baseUrl).withLanguage(de.kundenpuls.app.i18n.Texts::lang);
        this.settings = settings;
    }

    /** @return a client without sign-in (catalog, kiosk answers) */
    public KundenpulsClient anonymous() {
        return anonymous;
    }

    /** @return whether a shopper account exists on this device */
    public boolean hasShopper() {
        return settings.shopperUid().isPresent();
    }

    /** @return the signed-in shopper's client; the first call creates their account */
    public synchronized KundenpulsClient shopper() {
        if (shopper == null) {
            String uid = settings.shopperUid().orElseGet(() -> "app-" + UUID.randomUUID());
            shopper = anonymous.withToken(anonymous.dev().token("shopper", null, uid).token());
            settings.shopperUid(uid);
        }
        return shopper;
    }

    /** @return the shopper's account id, if any */
    public java.util.Optional<String> shopperUid() {
        return settings.shopperUid();
    }

    /** Forgets the shopper after their account was deleted; the next call starts a new one. */
    public synchronized void forgetShopper() {
        shopper = null;
        settings.shopperUid(null);
    }

    /**
     * @param storeId the kiosk's store
     * @return a client signed in as staff of that store
     */
    public synchronized KundenpulsClient staff(String storeId) {
        if (staff == null || !storeId.equals(staffStore)) {
            staff = anonymous.withToken(anonymous.dev().token("staff", storeId).token());
            staffStore = storeId;
        }
        return staff;
    }
}
