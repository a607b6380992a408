package de.kundenpuls.server;

import java.util.Optional;

import io.helidon.config.Config;

/**
 * Who signs callers in and where push goes: one choice, made once at start.
 *
 * <p>The production server knows {@link Google} and {@link AuthEmulator} only. {@link Local}, the
 * embedded default's stand-in of Google with dev sign-in, comes from the embedded build
 * ({@code server/embedded}), which is not part of the production jar: no setting can switch it on
 * there.
 */
public sealed interface IdentityMode {

    /** The Firebase project whose ID tokens are accepted. */
    String projectId();

    /** The Firebase project that sends push messages (may differ, {@code PUSH_PROJECT_ID}). */
    String pushProjectId();

    /**
     * Production: ID tokens verified against Google's certificates; push through FCM with the
     * credentials of {@code GOOGLE_APPLICATION_CREDENTIALS}, or through {@code fcmEndpoint} with
     * offline credentials when one is set (a local FCM stand-in).
     *
     * @param projectId     the sign-in project
     * @param pushProjectId the push project
     * @param fcmEndpoint   where FCM requests go instead of Google
     */
    record Google(String projectId, String pushProjectId, Optional<String> fcmEndpoint) implements IdentityMode {
    }

    /**
     * ID tokens from the Firebase Auth emulator ({@code FIREBASE_AUTH_EMULATOR_HOST}), which the
     * Admin SDK accepts unsigned: for tests with a {@code demo-*} project only. Push goes to
     * {@code fcmEndpoint} if set, else nowhere.
     *
     * @param projectId     the sign-in project ({@code demo-*})
     * @param pushProjectId the push project
     * @param fcmEndpoint   a local FCM stand-in
     */
    record AuthEmulator(String projectId, String pushProjectId, Optional<String> fcmEndpoint) implements IdentityMode {
    }

    /**
     * The embedded default: a local stand-in of Google that serves FCM, the certificates of its
     * signing key, e-mail sign-in for the console and, if on, dev sign-in.
     *
     * @param projectId     the sign-in project
     * @param pushProjectId the push project
     * @param fcmEndpoint   where FCM requests go instead of the stand-in (another stand-in, in tests)
     * @param google        opens the stand-in once the data directory is open
     */
    record Local(String projectId, String pushProjectId, Optional<String> fcmEndpoint, LocalGoogle.Factory google)
            implements IdentityMode {
    }

    /**
     * The production choice from configuration.
     *
     * @param config the root configuration
     * @return {@link Google} or {@link AuthEmulator}
     * @throws ServerStartException when the configuration asks for what only the embedded build has
     */
    static IdentityMode fromConfig(Config config) {
        if (asksForLocal(config)) {
            throw new ServerStartException("Kundenpuls could not start: dev sign-in and the Google stand-in (dev.enabled,"
                    + " standin.enabled) exist only in the embedded build (./run.sh), not in the production server");
        }
        String projectId = projectId(config);
        String pushProject = pushProjectId(config);
        Optional<String> fcm = fcmEndpoint(config);
        return authEmulator(config, projectId)
                ? new AuthEmulator(projectId, pushProject, fcm)
                : new Google(projectId, pushProject, fcm);
    }

    /**
     * Whether a configuration asks for the local stand-in ({@code dev.enabled} or
     * {@code standin.enabled}), which only the embedded build has.
     *
     * @param config the root configuration
     * @return true if either is on
     */
    static boolean asksForLocal(Config config) {
        return config.get("dev.enabled").asBoolean().orElse(false) || config.get("standin.enabled").asBoolean().orElse(false);
    }

    /**
     * The sign-in project of a configuration.
     *
     * @param config the root configuration
     * @return {@code firebase.project-id}, {@code kundenpuls-dev} by default
     */
    static String projectId(Config config) {
        return config.get("firebase.project-id").asString().orElse("kundenpuls-dev");
    }

    /**
     * The push project of a configuration.
     *
     * @param config the root configuration
     * @return {@code push.project-id}, the sign-in project by default
     */
    static String pushProjectId(Config config) {
        return config.get("push.project-id").asString().orElse(projectId(config));
    }

    /**
     * Where FCM requests go instead of Google, if set.
     *
     * @param config the root configuration
     * @return {@code push.fcm-endpoint}
     */
    static Optional<String> fcmEndpoint(Config config) {
        return config.get("push.fcm-endpoint").asString().map(String::strip).filter(s -> !s.isEmpty());
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
}
