package de.kundenpuls.app.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import de.kundenpuls.app.AppConfig;
import de.kundenpuls.app.support.Answers;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AuthEmulator;
import de.kundenpuls.app.support.MovableClock;
import de.kundenpuls.app.support.ServerProcess;
import de.kundenpuls.model.client.FirebaseAuthSession;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.kiosk.KioskView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk from enrollment to revocation, in production configuration: the real server with dev
 * sign-in off, the real Firebase Auth emulator, the real app (TestFX). An admin (an e-mail account
 * with the {@code role=admin} claim) enrolls the kiosk; the tablet types the code, the server
 * mints a custom token with the Admin SDK, the app signs in with it at the emulator, answers, has
 * its token run out and renewed, keeps syncing, reports to the fleet view, opens its staff area
 * only for a staff account of its store, and once revoked stops.
 */
class KioskEnrollmentE2ETest {

    @RegisterExtension
    static final AuthEmulator EMULATOR = new AuthEmulator();
    private static final FirebaseAuthSession.Endpoints AUTH = FirebaseAuthSession.Endpoints.emulator(AuthEmulator.HOST);
    private static final String STORE = "berlin-mitte";

    @TempDir
    static Path serverDir;
    @TempDir
    Path deviceDir;

    private static ServerProcess server;
    private AppDriver driver;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start(serverDir, Map.of(
                "FIREBASE_AUTH_EMULATOR_HOST", AuthEmulator.HOST,
                "FIREBASE_AUTH_EMULATOR", "true",
                "FIREBASE_PROJECT_ID", AuthEmulator.PROJECT,
                "CATALOG_SEED_DEMO", "true",
                // Where staff sign in (the console, and a kiosk's staff area): the emulator too.
                "FIREBASE_WEB_AUTH_EMULATOR", "http://" + AuthEmulator.HOST,
                "FIREBASE_WEB_API_KEY", "emulator"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeApp() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aKioskEnrolsAnswersRenewsItsTokenKeepsSyncingAndStopsWhenRevoked() {
        String email = "admin-" + System.nanoTime() + "@example.org";
        EMULATOR.createAccount(email, "geheim-123", Map.of("role", "admin"));
        KundenpulsClient admin = KundenpulsClient.create(server.url())
                .withSession(FirebaseAuthSession.signIn(AUTH, FirebaseAuthSession.TokenStore.inMemory(), Clock.systemUTC(), email, "geheim-123"));
        String code = admin.kiosks().enroll(STORE, "checkout", "Kasse 1").code();
        long before = Answers.count(admin, STORE, "checkout");

        MovableClock clock = new MovableClock();
        driver = new AppDriver(new AppConfig(server.url(), deviceDir, Duration.ofSeconds(30), Duration.ofMillis(3200),
                Duration.ofMillis(200), Duration.ofMinutes(5), Optional.of(AUTH), clock), owner -> Optional.empty(), "kiosk-e2e");
        driver.tap("#open-settings");
        driver.type("#kiosk-code", code);
        driver.tap("#kiosk-start");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood"), Duration.ofSeconds(15), "kiosk ready");
        FirebaseAuthSession session = (FirebaseAuthSession) driver.app().context().connection().kioskSession().orElseThrow();
        assertThat(session.uid()).startsWith("kiosk-");

        answer(4);
        AppDriver.waitUntil(() -> Answers.count(admin, STORE, "checkout") == before + 1, Duration.ofSeconds(15), "first answer stored");

        // The hour is nearly over: the next answer goes out with a renewed token, and is stored.
        Instant firstExpiry = session.expiresAt();
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        answer(5);
        AppDriver.waitUntil(() -> Answers.count(admin, STORE, "checkout") == before + 2, Duration.ofSeconds(15),
                "answer after the renewal stored");
        assertThat(session.expiresAt()).as("renewed before it expired").isAfter(firstExpiry);

        // The fleet view: the tablet reports in. The stored answer can still be in the outbox for
        // a moment (the server's reply in flight), and the moved clock may have sent a periodic
        // report with that backlog of 1 already: report once the outbox is empty, and wait for it.
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(10), "outbox sent");
        driver.app().context().reportNow();
        // Enrollment counts as a first contact; a report adds version and backlog.
        AppDriver.waitUntil(() -> admin.kiosks().list(STORE).stream().anyMatch(k -> Integer.valueOf(0).equals(k.backlog())),
                Duration.ofSeconds(10), "fleet report with an empty backlog");
        KioskView shown = admin.kiosks().list(STORE).get(0);
        assertThat(shown.state()).isEqualTo("enrolled");
        assertThat(shown.appVersion()).isNotBlank();
        assertThat(shown.lastContactAt()).isAfter(Instant.now().minusSeconds(60));

        // The staff area opens with a staff member's own account of this store, checked by Firebase.
        String staffEmail = "kasse-" + System.nanoTime() + "@example.org";
        EMULATOR.createAccount(staffEmail, "geheim-456", Map.of("role", "staff", "store", STORE));
        driver.tap("#kiosk-lock");
        driver.type("#staff-email", staffEmail);
        driver.type("#staff-password", "falsch-999");
        driver.tap("#staff-signin-button");
        AppDriver.waitUntil(() -> driver.text("#staff-signin-message").equals("E-Mail-Adresse oder Passwort stimmt nicht."),
                Duration.ofSeconds(10), "wrong password refused by the emulator");
        driver.type("#staff-password", "geheim-456");
        driver.tap("#staff-signin-button");
        AppDriver.waitUntil(() -> driver.robot().lookup("#staff-cases .label").queryAllAs(javafx.scene.control.Label.class).stream()
                        .anyMatch(l -> l.getText().equals("Keine offenen Fälle.")),
                Duration.ofSeconds(10), "the store's cases");
        driver.screenshot("staff");
        driver.tap("#staff-back");

        // Revoked in the console: the next answer is not taken, the kiosk says so and stops.
        admin.kiosks().revoke(shown.id());
        answer(1);
        AppDriver.waitUntil(() -> driver.shows("#kiosk-revoked"), Duration.ofSeconds(15), "revoked notice");
        // It stays: the next guest gets no question.
        AppDriver.waitUntil(() -> driver.shows("#kiosk-revoked") && !driver.shows("#kiosk-q-mood")
                && driver.app().context().sync().stopped(), Duration.ofSeconds(5), "no question after the revocation");
        driver.screenshot("revoked");
        assertThat(driver.app().context().outbox().size()).as("the answer stays on the device").isEqualTo(1);
        assertThat(Answers.count(admin, STORE, "checkout")).isEqualTo(before + 2);
    }

    private void answer(int score) {
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood") && !driver.robot().lookup("#kiosk-q-mood").query().isDisabled(),
                Duration.ofSeconds(10), "ready for a guest");
        driver.tap("#kiosk-smiley-" + score);
        driver.tap("#kiosk-option-staff");
        driver.tap("#kiosk-next");
    }
}
