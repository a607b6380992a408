package de.kundenpuls.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import de.kundenpuls.server.auth.DevTokenIssuer;
import de.kundenpuls.server.auth.FirebaseTokenVerifier;
import de.kundenpuls.server.auth.TokenVerifier;
import de.kundenpuls.server.google.FirebaseWiring;
import de.kundenpuls.server.google.GoogleStandIn;
import io.helidon.config.Config;

/**
 * Who callers are and how the server reaches Google: the {@link FirebaseApp} (token verification
 * and push), and on the embedded default the dev token issuer and the local Google stand-in.
 *
 * <ul>
 *     <li>Production: Google's certificates and FCM, credentials from
 *     {@code GOOGLE_APPLICATION_CREDENTIALS}.</li>
 *     <li>{@code push.fcm-endpoint} set: FCM requests go to that endpoint with offline credentials.</li>
 *     <li>{@code dev.enabled} or {@code standin.enabled}: a local stand-in serves FCM and the dev
 *     key's certificate; {@code POST /api/dev/tokens} signs tokens with that key.</li>
 * </ul>
 */
public final class Identity implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Identity.class.getName());

    private final FirebaseApp app;
    private final FirebaseApp pushApp;
    private final TokenVerifier verifier;
    private final Optional<DevTokenIssuer> devIssuer;
    private final Optional<GoogleStandIn> standIn;
    private final boolean pushEnabled;

    private Identity(FirebaseApp app, FirebaseApp pushApp, Optional<DevTokenIssuer> devIssuer, Optional<GoogleStandIn> standIn,
                     boolean pushEnabled) {
        this.app = app;
        this.pushApp = pushApp;
        this.verifier = new FirebaseTokenVerifier(app);
        this.devIssuer = devIssuer;
        this.standIn = standIn;
        this.pushEnabled = pushEnabled;
    }

    /**
     * Sets up identity from configuration.
     *
     * @param config  the root configuration
     * @param dataDir the data directory (holds the dev key)
     * @param clock   the clock
     * @return the identity setup
     */
    public static Identity create(Config config, Path dataDir, Clock clock) {
        String projectId = config.get("firebase.project-id").asString().orElse("kundenpuls-dev");
        String pushProject = config.get("push.project-id").asString().orElse(projectId);
        boolean dev = config.get("dev.enabled").asBoolean().orElse(false);
        boolean standInWanted = dev || config.get("standin.enabled").asBoolean().orElse(false);
        String fcmEndpoint = config.get("push.fcm-endpoint").asString().orElse("").strip();
        boolean emulator = authEmulator(config, projectId);

        Optional<DevTokenIssuer> issuer = dev
                ? Optional.of(DevTokenIssuer.loadOrCreate(dataDir, projectId, clock).withLifetime(
                        Duration.ofSeconds(config.get("dev.token-lifetime-seconds").asLong().orElse(3600L))))
                : Optional.empty();
        Optional<GoogleStandIn> standIn = Optional.empty();
        if (standInWanted) {
            int port = config.get("standin.port").asInt().orElse(9099);
            // The stand-in's e-mail sign-in signs with the dev key, or with a key that lives only in memory.
            DevTokenIssuer signInKey = issuer.orElseGet(() -> DevTokenIssuer.ephemeral(projectId, clock));
            Map<String, String> certificates = Map.of(signInKey.keyId(), signInKey.certificatePem());
            try {
                standIn = Optional.of(GoogleStandIn.start(port, () -> certificates, signInKey::sign));
            } catch (java.io.UncheckedIOException e) {
                // Like a taken server port: one line, exit 2 (Main), no stack trace.
                throw new ServerStartException("Kundenpuls could not start: the local Google stand-in's port " + port
                        + " is already in use (another Kundenpuls running?); set STANDIN_PORT to another port");
            }
            if (config.get("standin.demo-accounts").asBoolean().orElse(false)) {
                DemoAccounts.addTo(standIn.get());
            }
        }
        if (!projectId.equals(pushProject) && (standIn.isPresent() || !fcmEndpoint.isEmpty())) {
            LOG.info("Push project " + pushProject + " differs from the sign-in project " + projectId);
        }
        try {
            if (emulator) {
                // ID tokens from the Auth emulator (the SDK verifies them there, unsigned); push,
                // if at all, through the stand-in.
                FirebaseApp auth = FirebaseApp.initializeApp(FirebaseOptions.builder().setProjectId(projectId)
                        .setCredentials(GoogleCredentials.create(new AccessToken("unused", null))).build(),
                        "kundenpuls-emulator-" + UUID.randomUUID());
                Optional<FirebaseApp> push = standIn.map(s -> FirebaseWiring.standIn(pushProject, s.url(), s.url()));
                return new Identity(auth, push.orElse(auth), issuer, standIn, push.isPresent());
            }
            if (standIn.isPresent() || !fcmEndpoint.isEmpty()) {
                String fcm = fcmEndpoint.isEmpty() ? standIn.get().url() : fcmEndpoint;
                String certs = standIn.map(GoogleStandIn::url).orElse("https://www.googleapis.com");
                FirebaseApp auth = FirebaseWiring.standIn(projectId, fcm, certs);
                // The FCM project may differ from the sign-in project (PUSH_PROJECT_ID).
                FirebaseApp push = pushProject.equals(projectId) ? auth : FirebaseWiring.standIn(pushProject, fcm, certs);
                return new Identity(auth, push, issuer, standIn, true);
            }
            return production(projectId, pushProject);
        } catch (RuntimeException e) {
            standIn.ifPresent(GoogleStandIn::close);
            throw e;
        }
    }

    /**
     * Whether ID tokens come from the Firebase Auth emulator. While {@code FIREBASE_AUTH_EMULATOR_HOST}
     * is set the Admin SDK accepts unsigned tokens, so a forged token for any user would pass: the
     * server refuses to start with it unless {@code firebase.auth-emulator} asks for it, for a
     * {@code demo-} project (one that never reaches Google).
     */
    private static boolean authEmulator(Config config, String projectId) {
        boolean wanted = config.get("firebase.auth-emulator").asBoolean().orElse(false);
        String host = System.getenv("FIREBASE_AUTH_EMULATOR_HOST");
        boolean set = host != null && !host.isBlank();
        if (set && !wanted) {
            throw new IllegalStateException("FIREBASE_AUTH_EMULATOR_HOST is set, which makes the Admin SDK accept unsigned"
                    + " ID tokens; unset it, or set firebase.auth-emulator: true for a test with a demo-* project");
        }
        if (wanted && !set) {
            throw new IllegalStateException("firebase.auth-emulator is on, but FIREBASE_AUTH_EMULATOR_HOST is not set");
        }
        if (wanted && !projectId.startsWith("demo-")) {
            throw new IllegalStateException("firebase.auth-emulator is only allowed for a demo-* project, not " + projectId);
        }
        return wanted;
    }

    private static Identity production(String projectId, String pushProject) {
        try {
            FirebaseApp auth = FirebaseWiring.production(projectId);
            FirebaseApp push = pushProject.equals(projectId) ? auth : FirebaseWiring.production(pushProject);
            return new Identity(auth, push, Optional.empty(), Optional.empty(), true);
        } catch (IOException e) {
            // Verifying ID tokens needs only Google's public certificates; sending push needs credentials.
            LOG.warning("No Google credentials (GOOGLE_APPLICATION_CREDENTIALS): ID tokens of project " + projectId
                    + " are verified, push is disabled");
            FirebaseOptions options = FirebaseOptions.builder()
                    .setProjectId(projectId)
                    .setCredentials(GoogleCredentials.create(new AccessToken("none", Date.from(Instant.EPOCH))))
                    .build();
            FirebaseApp auth = FirebaseApp.initializeApp(options, "kundenpuls-" + UUID.randomUUID());
            return new Identity(auth, auth, Optional.empty(), Optional.empty(), false);
        }
    }

    /** The Firebase app (token verification, messaging). */
    public FirebaseApp app() {
        return app;
    }

    /** The Firebase app that sends push messages (project {@code push.project-id}). */
    public FirebaseApp pushApp() {
        return pushApp;
    }

    /** Verifies callers' ID tokens. */
    public TokenVerifier verifier() {
        return verifier;
    }

    /** The dev token issuer, on the embedded default only. */
    public Optional<DevTokenIssuer> devIssuer() {
        return devIssuer;
    }

    /** The local Google stand-in, when running. */
    public Optional<GoogleStandIn> standIn() {
        return standIn;
    }

    /**
     * Mints kiosks' custom tokens with the Admin SDK ({@code createCustomToken}): signed with the
     * service account of {@code GOOGLE_APPLICATION_CREDENTIALS} in production, unsigned for the
     * Auth emulator. None on the embedded default, whose dev sign-in issues kiosk tokens itself.
     */
    public de.kundenpuls.server.kiosk.CustomTokens customTokens() {
        if (devIssuer.isPresent()) {
            return (uid, claims) -> Optional.empty();
        }
        com.google.firebase.auth.FirebaseAuth auth = com.google.firebase.auth.FirebaseAuth.getInstance(app);
        return (uid, claims) -> {
            try {
                return Optional.of(auth.createCustomToken(uid, claims));
            } catch (com.google.firebase.auth.FirebaseAuthException | IllegalStateException e) {
                LOG.warning("Cannot mint a kiosk's custom token: " + e.getMessage());
                throw new de.kundenpuls.server.api.ApiException(io.helidon.http.Status.SERVICE_UNAVAILABLE_503,
                        "Kiosk sign-in unavailable", "The server cannot sign kiosks in: it needs service account"
                        + " credentials (GOOGLE_APPLICATION_CREDENTIALS)", null);
            }
        };
    }

    /** Whether push messages can be sent (credentials or a stand-in are there). */
    public boolean pushEnabled() {
        return pushEnabled;
    }

    @Override
    public void close() {
        FirebaseWiring.delete(app);
        if (pushApp != app) {
            FirebaseWiring.delete(pushApp);
        }
        standIn.ifPresent(GoogleStandIn::close);
    }
}
