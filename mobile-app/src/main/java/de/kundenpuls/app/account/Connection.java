package de.kundenpuls.app.account;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.model.client.AuthSession;
import de.kundenpuls.model.client.DevAuthSession;
import de.kundenpuls.model.client.FirebaseAuthSession;
import de.kundenpuls.model.client.KundenpulsClient;

/**
 * The app's way to the server: anonymous for the catalog, as the shopper for their profile,
 * answers, offers and dialog, as staff for a kiosk. Each identity is one {@link AuthSession} that
 * renews its tokens, so a kiosk that runs for days keeps syncing.
 *
 * <p>Sign-in: with Firebase endpoints configured (production, or the Auth emulator in tests) the
 * shopper's account is a Firebase account, anonymous at first, whose refresh token is kept in
 * the app's private directory. Without them, the embedded default's dev sign-in. A kiosk's staff
 * identity still comes from the dev sign-in only: kiosk enrollment is not built yet.
 */
public final class Connection {

    private final KundenpulsClient anonymous;
    private final AppSettings settings;
    private final Optional<FirebaseAuthSession.Endpoints> firebase;
    private final FirebaseAuthSession.TokenStore refreshToken;
    private final Clock clock;
    private KundenpulsClient shopper;
    private AuthSession shopperSession;
    private KundenpulsClient staff;
    private String staffStore;

    /**
     * A connection with the dev sign-in of the embedded default.
     *
     * @param baseUrl  the server, e.g. {@code http://localhost:8080}
     * @param settings where the shopper's account id is kept
     */
    public Connection(String baseUrl, AppSettings settings) {
        this(baseUrl, settings, Optional.empty(), null, Clock.systemUTC());
    }

    /**
     * @param baseUrl  the server
     * @param settings where the shopper's account id is kept
     * @param firebase Firebase Authentication's endpoints, or empty for the dev sign-in
     * @param dataDir  the app's private directory (the refresh token goes there); may be null without Firebase
     * @param clock    the clock
     */
    public Connection(String baseUrl, AppSettings settings, Optional<FirebaseAuthSession.Endpoints> firebase, Path dataDir,
                      Clock clock) {
        // Error details from the server come in the app's current language.
        this.anonymous = KundenpulsClient.create(baseUrl).withLanguage(de.kundenpuls.app.i18n.Texts::lang);
        this.settings = settings;
        this.firebase = firebase;
        this.refreshToken = dataDir == null ? null : new FileTokenStore(dataDir.resolve("auth-refresh-token"));
        this.clock = clock;
    }

    /** @return a client without sign-in (catalog, surveys) */
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
            shopperSession = firebase.<AuthSession>map(endpoints -> FirebaseAuthSession.start(endpoints, refreshToken, clock))
                    .orElseGet(() -> new DevAuthSession(anonymous, "shopper", null, settings.shopperUid().orElse(null), clock));
            shopper = anonymous.withSession(shopperSession);
            settings.shopperUid(shopperSession.uid());
        }
        return shopper;
    }

    /**
     * Upgrades the shopper's anonymous account to e-mail and password; the account and its
     * profile stay. Only with Firebase sign-in.
     *
     * @param email    the e-mail address
     * @param password the password
     */
    public synchronized void linkEmailAndPassword(String email, String password) {
        shopper();
        if (!(shopperSession instanceof FirebaseAuthSession account)) {
            throw new IllegalStateException("E-mail sign-in needs Firebase Authentication; the embedded default has none");
        }
        account.linkEmailAndPassword(email, password);
    }

    /** @return the shopper's account id, if any */
    public Optional<String> shopperUid() {
        return settings.shopperUid();
    }

    /** Forgets the shopper after their account was deleted; the next call starts a new one. */
    public synchronized void forgetShopper() {
        if (shopperSession instanceof FirebaseAuthSession account) {
            account.signOut();
        }
        shopper = null;
        shopperSession = null;
        settings.shopperUid(null);
    }

    /**
     * @param storeId the kiosk's store
     * @return a client signed in as staff of that store
     */
    public synchronized KundenpulsClient staff(String storeId) {
        if (staff == null || !storeId.equals(staffStore)) {
            staff = anonymous.withSession(new DevAuthSession(anonymous, "staff", storeId, null, clock));
            staffStore = storeId;
        }
        return staff;
    }
}
