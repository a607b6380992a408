package de.kundenpuls.app.account;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.model.client.AuthSession;
import de.kundenpuls.model.client.DevAuthSession;
import de.kundenpuls.model.client.FirebaseAuthSession;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.kiosk.KioskIdentity;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The app's way to the server: anonymous for the catalog, as the shopper for their profile,
 * answers, offers and dialog, as staff for a kiosk. Each identity is one {@link AuthSession} that
 * renews its tokens, so a kiosk that runs for days keeps syncing.
 *
 * <p>Sign-in: with Firebase endpoints configured (production, or the Auth emulator in tests) the
 * shopper's account is a Firebase account, anonymous at first, whose refresh token is kept in
 * the app's private directory. Without them, the embedded default's dev sign-in.
 *
 * <p>A kiosk is enrolled in the console; the tablet exchanges the one-time code for its own
 * identity ({@link #enrollKiosk}): a Firebase custom token it signs in with (its refresh token kept
 * apart from a shopper's), or on the embedded default the dev sign-in for its enrolled account.
 * Its staff area opens only with a staff member's own e-mail account ({@link #staffSignIn}).
 */
public final class Connection {

    private final KundenpulsClient anonymous;
    private final AppSettings settings;
    private final Optional<FirebaseAuthSession.Endpoints> firebase;
    private final FirebaseAuthSession.TokenStore refreshToken;
    private final Clock clock;
    private KundenpulsClient shopper;
    private AuthSession shopperSession;
    private final FirebaseAuthSession.TokenStore kioskRefreshToken;
    private KundenpulsClient kiosk;
    private AuthSession kioskSession;

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
        this.kioskRefreshToken = dataDir == null ? null : new FileTokenStore(dataDir.resolve("kiosk-refresh-token"));
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

    /** @return whether accounts are Firebase accounts (production, the Auth emulator), which can have an e-mail */
    public boolean firebaseAccounts() {
        return firebase.isPresent();
    }

    /**
     * @return the e-mail address the shopper's account is secured with, if any (Firebase accounts
     *         only; an anonymous account has none)
     */
    public synchronized Optional<String> shopperEmail() {
        shopper();
        if (shopperSession instanceof FirebaseAuthSession account) {
            return Optional.ofNullable(account.claims().get("email")).map(Object::toString);
        }
        return Optional.empty();
    }

    /**
     * Signs in on this device with an account secured by e-mail and password before (a new phone):
     * the anonymous account of this device is left, the other one is used from now on.
     *
     * @param email    the e-mail address
     * @param password the password
     */
    public synchronized void signInWithEmail(String email, String password) {
        FirebaseAuthSession.Endpoints endpoints = firebase.orElseThrow(() -> new IllegalStateException(
                "E-mail sign-in needs Firebase Authentication; the embedded default has none"));
        FirebaseAuthSession account = FirebaseAuthSession.signIn(endpoints, refreshToken, clock, email, password);
        shopperSession = account;
        shopper = anonymous.withSession(account);
        settings.shopperUid(account.uid());
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
     * Exchanges a one-time enrollment code for this device's kiosk identity and signs in with it.
     *
     * @param code the code shown in the console
     * @return the identity (store, touchpoint, account)
     */
    public synchronized KioskIdentity enrollKiosk(String code) {
        KioskIdentity identity = anonymous.kiosks().exchange(code);
        if (identity.customToken() != null) {
            FirebaseAuthSession.Endpoints endpoints = firebase.orElseThrow(() -> new IllegalStateException(
                    "The server signs kiosks in with Firebase, but this app has no Firebase configuration"));
            kioskSession = FirebaseAuthSession.withCustomToken(endpoints, kioskRefreshToken, clock, identity.customToken());
        } else {
            kioskSession = new DevAuthSession(anonymous, "kiosk", null, identity.uid(), clock);
        }
        kiosk = anonymous.withSession(kioskSession);
        return identity;
    }

    /**
     * @param kioskUid the account this device was enrolled as
     * @return a client signed in as that kiosk (resumed from the kept refresh token after a restart)
     */
    public synchronized KundenpulsClient kiosk(String kioskUid) {
        if (kiosk == null) {
            kioskSession = firebase.flatMap(endpoints -> FirebaseAuthSession.resume(endpoints, kioskRefreshToken, clock))
                    .<AuthSession>map(s -> s)
                    .orElseGet(() -> new DevAuthSession(anonymous, "kiosk", null, kioskUid, clock));
            kiosk = anonymous.withSession(kioskSession);
        }
        return kiosk;
    }

    /** @return the kiosk's session, once signed in (tests look at its token's expiry) */
    public synchronized Optional<AuthSession> kioskSession() {
        return Optional.ofNullable(kioskSession);
    }

    /**
     * Signs a staff member in on a kiosk with their own e-mail account: Firebase Authentication
     * in production, the embedded default's stand-in of it otherwise (wherever the server's
     * console signs people in). Firebase checks the password and locks an account after repeated
     * wrong ones; the server checks the role and store of every request made with the token.
     *
     * @param email    the staff member's e-mail address
     * @param password their password
     * @param storeId  the kiosk's store: staff of another store are refused here already
     * @return a client signed in as that staff member
     * @throws StaffRefusedException when the account is not staff of this store (nor an admin)
     */
    public KundenpulsClient staffSignIn(String email, String password, String storeId) {
        JsonNode firebase = anonymous.get("/api/console/sign-in", JsonNode.class).path("firebase");
        if (firebase.isMissingNode() || firebase.isNull()) {
            throw new StaffRefusedException("noSignIn");
        }
        String apiKey = firebase.path("apiKey").asText();
        FirebaseAuthSession.Endpoints endpoints = firebase.hasNonNull("authEmulator")
                ? FirebaseAuthSession.Endpoints.at(firebase.get("authEmulator").asText(), apiKey)
                : FirebaseAuthSession.Endpoints.google(apiKey);
        FirebaseAuthSession session = FirebaseAuthSession.signIn(endpoints, FirebaseAuthSession.TokenStore.inMemory(), clock, email, password);
        java.util.Map<String, Object> claims = session.claims();
        boolean ours = "admin".equals(claims.get("role")) || "staff".equals(claims.get("role")) && storeId.equals(claims.get("store"));
        if (!ours) {
            throw new StaffRefusedException("otherStore");
        }
        return anonymous.withSession(session);
    }

    /** A staff sign-in on a kiosk that must not open its staff area. */
    public static final class StaffRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        StaffRefusedException(String reason) {
            super(reason);
            this.reason = reason;
        }

        /** @return {@code noSignIn} or {@code otherStore} */
        public String reason() {
            return reason;
        }
    }
}
