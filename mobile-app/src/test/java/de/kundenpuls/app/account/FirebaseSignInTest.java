package de.kundenpuls.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.kundenpuls.app.AppConfig;
import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AuthEmulator;
import de.kundenpuls.app.support.MovableClock;
import de.kundenpuls.app.support.ServerProcess;
import de.kundenpuls.model.client.AuthSession;
import de.kundenpuls.model.client.FirebaseAuthSession;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.profile.Profile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's production sign-in against the real Firebase Auth emulator and the real server in
 * production configuration (dev sign-in off; the server verifies tokens with the Admin SDK's
 * {@code verifyIdToken}, pointed at the emulator): an anonymous account on first start, renewed
 * tokens, the upgrade to e-mail and password that keeps the profile, and a restart that resumes
 * the account from the refresh token kept on the device.
 */
class FirebaseSignInTest {

    @RegisterExtension
    static final AuthEmulator EMULATOR = new AuthEmulator();

    @TempDir
    static Path serverDir;

    @TempDir
    Path deviceDir;

    private static ServerProcess server;
    private static final FirebaseAuthSession.Endpoints AUTH = FirebaseAuthSession.Endpoints.emulator(AuthEmulator.HOST);

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start(serverDir, Map.of(
                "FIREBASE_AUTH_EMULATOR_HOST", AuthEmulator.HOST,
                "FIREBASE_AUTH_EMULATOR", "true",
                "FIREBASE_PROJECT_ID", AuthEmulator.PROJECT,
                "CATALOG_SEED_DEMO", "true"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Connection connection(Clock clock) {
        return new Connection(server.url(), AppSettings.in(deviceDir), Optional.of(AUTH), deviceDir, clock);
    }

    @Test
    void theFirstStartMakesAnAnonymousAccountThatIsAShopperAndItsAnswersCount() {
        Connection app = connection(Clock.systemUTC());
        KundenpulsClient shopper = app.shopper();
        Profile me = shopper.me().get();
        assertThat(me.uid()).isEqualTo(app.shopperUid().orElseThrow());
        BatchResult answered = shopper.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout",
                Instant.now().minusSeconds(30), 4, null, null, Map.of(), null, null, null, null, null, null)));
        assertThat(answered.results().get(0).status()).isEqualTo(BatchResult.Status.ACCEPTED);
        // The dev sign-in is off here: no token can be had from the server itself.
        assertThat(KundenpulsClient.create(server.url()).exchange("POST", "/api/dev/tokens", "{\"role\":\"admin\"}".getBytes(),
                "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void tokensAreRenewedBeforeTheyExpireAndOnceMoreAfterA401() {
        MovableClock clock = new MovableClock();
        FirebaseAuthSession session = FirebaseAuthSession.start(AUTH, memory(), clock);
        KundenpulsClient client = KundenpulsClient.create(server.url()).withSession(session);
        client.me().get();
        Instant firstExpiry = session.expiresAt();
        clock.advance(Duration.ofMinutes(58));
        session.idToken();
        assertThat(session.expiresAt()).as("not renewed while more than a minute is left").isEqualTo(firstExpiry);
        clock.advance(Duration.ofSeconds(90));
        session.idToken();
        // A token renewed within the same second can read the same, so the expiry tells.
        assertThat(session.expiresAt()).as("renewed a minute before the hour is over").isAfter(firstExpiry.plus(Duration.ofMinutes(58)));
        assertThat(client.me().get().uid()).isEqualTo(session.uid());

        // The server refuses a token (here: a broken one); the client renews once and goes on.
        AuthSession stale = new AuthSession() {
            private boolean refused;

            @Override
            public String uid() {
                return session.uid();
            }

            @Override
            public String idToken() {
                return refused ? session.idToken() : "not-a-token";
            }

            @Override
            public String refreshAfterUnauthorized() {
                refused = true;
                return session.refreshAfterUnauthorized();
            }
        };
        assertThat(KundenpulsClient.create(server.url()).withSession(stale).me().get().uid()).isEqualTo(session.uid());
    }

    @Test
    void theUpgradeToEmailAndPasswordKeepsTheAccountAndItsProfile() {
        Connection phone = connection(Clock.systemUTC());
        phone.shopper().me().patch(Map.of("contact", Map.of("name", "Erika Muster")));
        String uid = phone.shopperUid().orElseThrow();
        String email = "erika-" + UUID.randomUUID() + "@example.org";
        phone.linkEmailAndPassword(email, "geheim-123");
        assertThat(phone.shopper().me().get().uid()).isEqualTo(uid);

        // A new phone: signing in with e-mail and password finds the same account and profile.
        FirebaseAuthSession newPhone = FirebaseAuthSession.signIn(AUTH, memory(), Clock.systemUTC(), email, "geheim-123");
        assertThat(newPhone.uid()).isEqualTo(uid);
        Profile there = KundenpulsClient.create(server.url()).withSession(newPhone).me().get();
        assertThat(there.contact().name()).isEqualTo("Erika Muster");
    }

    @Test
    void aRestartResumesTheAccountFromTheRefreshTokenKeptOnTheDevice() {
        Connection before = connection(Clock.systemUTC());
        String uid = before.shopper().me().get().uid();
        assertThat(deviceDir.resolve("auth-refresh-token")).isRegularFile();

        Connection after = connection(Clock.systemUTC());
        assertThat(after.shopper().me().get().uid()).isEqualTo(uid);
        after.forgetShopper();
        assertThat(deviceDir.resolve("auth-refresh-token")).doesNotExist();
        assertThat(connection(Clock.systemUTC()).shopper().me().get().uid()).as("a new account after sign-out").isNotEqualTo(uid);
    }

    @Test
    void inTheAppTheShopperSecuresTheAccountWithEmailAndSignsInWithItOnANewPhone(@TempDir Path newPhone) {
        String email = "app-" + UUID.randomUUID() + "@example.org";
        String uid;
        try (AppDriver phone = new AppDriver(appConfig(deviceDir), owner -> Optional.empty(), "account")) {
            phone.tap("#nav-profile");
            AppDriver.waitUntil(() -> phone.shows("#account-link"), Duration.ofSeconds(15), "the account card");
            phone.type("#profile-name", "Ida Beispiel");
            phone.tap("#profile-save");
            AppDriver.waitUntil(() -> phone.text("#profile-status").equals("Gespeichert."), Duration.ofSeconds(10), "saved");
            phone.type("#account-email", email);
            phone.type("#account-password", "123");
            phone.tap("#account-link");
            AppDriver.waitUntil(() -> phone.text("#account-status").startsWith("Das Passwort ist zu kurz"), Duration.ofSeconds(10),
                    "weak password refused in words");
            phone.type("#account-password", "geheim-789");
            phone.tap("#account-link");
            AppDriver.waitUntil(() -> phone.text("#account-status").equals("Gesichert mit " + email
                    + ". Auf einem neuen Gerät melden Sie sich damit an."), Duration.ofSeconds(10), "secured");
            phone.screenshot("secured");
            uid = phone.app().context().connection().shopperUid().orElseThrow();
        }

        try (AppDriver second = new AppDriver(appConfig(newPhone), owner -> Optional.empty(), "account-new-phone")) {
            second.tap("#nav-profile");
            AppDriver.waitUntil(() -> second.shows("#account-signin"), Duration.ofSeconds(15), "the account card");
            assertThat(second.app().context().connection().shopperUid()).as("a new anonymous account at first").isNotEqualTo(
                    Optional.of(uid));
            second.type("#account-email", email);
            second.type("#account-password", "falsch-000");
            second.tap("#account-signin");
            AppDriver.waitUntil(() -> second.text("#account-status").equals("E-Mail-Adresse oder Passwort stimmt nicht."),
                    Duration.ofSeconds(10), "wrong password refused");
            second.type("#account-password", "geheim-789");
            second.tap("#account-signin");
            AppDriver.waitUntil(() -> second.shows("#profile-name") && second.text("#profile-name").equals("Ida Beispiel"),
                    Duration.ofSeconds(15), "the same profile on the new phone");
            assertThat(second.app().context().connection().shopperUid()).hasValue(uid);
        }
    }

    private AppConfig appConfig(Path dir) {
        return new AppConfig(server.url(), dir, Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofMillis(200),
                Duration.ofMinutes(5), Optional.of(AUTH));
    }

    private static FirebaseAuthSession.TokenStore memory() {
        return FirebaseAuthSession.TokenStore.inMemory();
    }

    /** A clock the test moves forward. */
}
