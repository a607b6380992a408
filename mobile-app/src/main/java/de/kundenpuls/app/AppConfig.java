package de.kundenpuls.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import de.kundenpuls.app.storage.LocalFiles;
import de.kundenpuls.model.client.FirebaseAuthSession;

/**
 * Where the app talks to and how patient the kiosk is.
 *
 * @param serverUrl     the Kundenpuls server
 * @param dataDir       the app's private directory (queue, settings)
 * @param kioskIdle     an unfinished kiosk answer is reset after this long without a touch
 * @param kioskInterval the shortest time between two kiosk answers (against button mashing)
 * @param thankYou      how long the kiosk shows its thank-you screen
 * @param offerPoll     how often the desktop app looks for new offers (stands in for push)
 * @param firebaseAuth  Firebase Authentication's endpoints (production, or the Auth emulator);
 *                      empty: the embedded default's dev sign-in
 * @param clock         when tokens are renewed (tests move it to let a token run out)
 */
public record AppConfig(String serverUrl, Path dataDir, Duration kioskIdle, Duration kioskInterval, Duration thankYou,
                        Duration offerPoll, Optional<FirebaseAuthSession.Endpoints> firebaseAuth, java.time.Clock clock) {

    /** A configuration on the system clock. */
    public AppConfig(String serverUrl, Path dataDir, Duration kioskIdle, Duration kioskInterval, Duration thankYou,
                     Duration offerPoll, Optional<FirebaseAuthSession.Endpoints> firebaseAuth) {
        this(serverUrl, dataDir, kioskIdle, kioskInterval, thankYou, offerPoll, firebaseAuth, java.time.Clock.systemUTC());
    }

    /** A configuration with the dev sign-in. */
    public AppConfig(String serverUrl, Path dataDir, Duration kioskIdle, Duration kioskInterval, Duration thankYou,
                     Duration offerPoll) {
        this(serverUrl, dataDir, kioskIdle, kioskInterval, thankYou, offerPoll, Optional.empty());
    }

    /**
     * The configuration from {@code -Dkundenpuls.server=URL} or {@code KUNDENPULS_SERVER}, defaulting
     * to the embedded server on this machine. Sign-in: Firebase with {@code KUNDENPULS_FIREBASE_API_KEY}
     * (the project's web API key), the Auth emulator with {@code KUNDENPULS_AUTH_EMULATOR=host:port},
     * else the dev sign-in.
     *
     * @return the configuration
     */
    public static AppConfig fromEnvironment() {
        String url = System.getProperty("kundenpuls.server", System.getenv().getOrDefault("KUNDENPULS_SERVER",
                "http://localhost:8080"));
        Optional<FirebaseAuthSession.Endpoints> firebase = Optional.ofNullable(System.getenv("KUNDENPULS_AUTH_EMULATOR"))
                .filter(s -> !s.isBlank()).map(FirebaseAuthSession.Endpoints::emulator)
                .or(() -> Optional.ofNullable(System.getenv("KUNDENPULS_FIREBASE_API_KEY")).filter(s -> !s.isBlank())
                        .map(FirebaseAuthSession.Endpoints::google));
        return new AppConfig(url, LocalFiles.privateDirectory(), Duration.ofSeconds(30), Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofSeconds(30), firebase);
    }
}
