package de.kundenpuls.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import de.kundenpuls.model.Message;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.server.api.ServiceUnavailableException;
import de.kundenpuls.server.auth.FirebaseTokenVerifier;
import de.kundenpuls.server.auth.TokenVerifier;
import de.kundenpuls.server.google.FirebaseWiring;

/**
 * Who callers are and how the server reaches Google: the {@link FirebaseApp} (token verification
 * and push) for the {@link IdentityMode} chosen at start.
 */
public final class Identity implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Identity.class.getName());
    /** Where ID token certificates come from when only FCM is redirected. */
    private static final String GOOGLE_CERTIFICATES = "https://www.googleapis.com";

    private final FirebaseApp app;
    private final FirebaseApp pushApp;
    private final TokenVerifier verifier;
    private final Optional<LocalGoogle> local;
    private final boolean pushEnabled;

    private Identity(FirebaseApp app, FirebaseApp pushApp, Optional<LocalGoogle> local, boolean pushEnabled) {
        this.app = app;
        this.pushApp = pushApp;
        this.verifier = new FirebaseTokenVerifier(app);
        this.local = local;
        this.pushEnabled = pushEnabled;
    }

    /**
     * Sets up identity for a mode.
     *
     * @param mode    the mode chosen at start
     * @param dataDir the open data directory (the local stand-in keeps its key there)
     * @param clock   the clock
     * @return the identity setup
     */
    public static Identity create(IdentityMode mode, Path dataDir, Clock clock) {
        String projectId = mode.projectId();
        String pushProject = mode.pushProjectId();
        if (!projectId.equals(pushProject)) {
            LOG.info("Push project " + pushProject + " differs from the sign-in project " + projectId);
        }
        return switch (mode) {
            case IdentityMode.Google google when google.fcmEndpoint().isEmpty() -> production(projectId, pushProject);
            case IdentityMode.Google google -> {
                String fcm = google.fcmEndpoint().get();
                FirebaseApp auth = FirebaseWiring.standIn(projectId, fcm, GOOGLE_CERTIFICATES);
                FirebaseApp push = pushProject.equals(projectId) ? auth : FirebaseWiring.standIn(pushProject, fcm, GOOGLE_CERTIFICATES);
                yield new Identity(auth, push, Optional.empty(), true);
            }
            case IdentityMode.AuthEmulator emulator -> {
                // ID tokens from the Auth emulator (the SDK verifies them there, unsigned); push,
                // if at all, through a local FCM stand-in.
                FirebaseApp auth = FirebaseApp.initializeApp(FirebaseOptions.builder().setProjectId(projectId)
                        .setCredentials(GoogleCredentials.create(new AccessToken("unused", null))).build(),
                        "kundenpuls-emulator-" + UUID.randomUUID());
                Optional<FirebaseApp> push = emulator.fcmEndpoint().map(fcm -> FirebaseWiring.standIn(pushProject, fcm, GOOGLE_CERTIFICATES));
                yield new Identity(auth, push.orElse(auth), Optional.empty(), push.isPresent());
            }
            case IdentityMode.Local local -> {
                LocalGoogle google = local.google().open(dataDir, projectId, clock);
                try {
                    String fcm = local.fcmEndpoint().orElse(google.url());
                    FirebaseApp auth = FirebaseWiring.standIn(projectId, fcm, google.url());
                    FirebaseApp push = pushProject.equals(projectId) ? auth : FirebaseWiring.standIn(pushProject, fcm, google.url());
                    yield new Identity(auth, push, Optional.of(google), true);
                } catch (RuntimeException e) {
                    google.close();
                    throw e;
                }
            }
        };
    }

    private static Identity production(String projectId, String pushProject) {
        try {
            FirebaseApp auth = FirebaseWiring.production(projectId);
            FirebaseApp push = pushProject.equals(projectId) ? auth : FirebaseWiring.production(pushProject);
            return new Identity(auth, push, Optional.empty(), true);
        } catch (IOException e) {
            // Verifying ID tokens needs only Google's public certificates; sending push needs credentials.
            LOG.warning("No Google credentials (GOOGLE_APPLICATION_CREDENTIALS): ID tokens of project " + projectId
                    + " are verified, push is disabled");
            FirebaseOptions options = FirebaseOptions.builder()
                    .setProjectId(projectId)
                    .setCredentials(GoogleCredentials.create(new AccessToken("none", Date.from(Instant.EPOCH))))
                    .build();
            FirebaseApp auth = FirebaseApp.initializeApp(options, "kundenpuls-" + UUID.randomUUID());
            return new Identity(auth, auth, Optional.empty(), false);
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

    /** The local stand-in of Google, on the embedded default only. */
    public Optional<LocalGoogle> local() {
        return local;
    }

    /**
     * Mints kiosks' custom tokens with the Admin SDK ({@code createCustomToken}): signed with the
     * service account of {@code GOOGLE_APPLICATION_CREDENTIALS} in production, unsigned for the
     * Auth emulator. None on the embedded default, whose dev sign-in issues kiosk tokens itself.
     */
    public de.kundenpuls.server.kiosk.CustomTokens customTokens() {
        if (local.flatMap(LocalGoogle::devSignIn).isPresent()) {
            return (uid, claims) -> Optional.empty();
        }
        com.google.firebase.auth.FirebaseAuth auth = com.google.firebase.auth.FirebaseAuth.getInstance(app);
        return (uid, claims) -> {
            try {
                return Optional.of(auth.createCustomToken(uid, claims));
            } catch (com.google.firebase.auth.FirebaseAuthException | IllegalStateException e) {
                LOG.warning("Cannot mint a kiosk's custom token: " + e.getMessage());
                throw new ServiceUnavailableException(Message.of(ProblemCode.KIOSK_SIGN_IN_UNAVAILABLE));
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
        local.ifPresent(LocalGoogle::close);
    }
}
