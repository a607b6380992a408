package de.kundenpuls.server.console;

import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * {@code GET /api/console/sign-in}: how the web console signs people in. In production that is
 * Firebase Authentication with the project's web configuration ({@code firebase.web.*}); on the
 * embedded default the local stand-in plays Firebase Authentication and the dev sign-in is offered
 * as well. The web API key is not a secret: Google publishes it in every web app's page.
 */
public final class ConsoleSignInService implements HttpService {

    private final SignInSettings settings;

    private ConsoleSignInService(SignInSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads the settings.
     *
     * @param config        the root configuration
     * @param devSignIn     whether {@code POST /api/dev/tokens} is on
     * @param signInStandIn the URL of a local stand-in of Firebase Authentication, if one runs
     * @return the service
     */
    public static ConsoleSignInService create(Config config, boolean devSignIn, Optional<String> signInStandIn) {
        String projectId = config.get("firebase.project-id").asString().orElse("kundenpuls-dev");
        Optional<String> apiKey = config.get("firebase.web.api-key").asString().map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> emulator = config.get("firebase.web.auth-emulator").asString().map(String::strip)
                .filter(s -> !s.isEmpty()).or(() -> apiKey.isPresent() ? Optional.empty() : signInStandIn);
        Firebase firebase = apiKey.isPresent() || emulator.isPresent()
                ? new Firebase(apiKey.orElse("local-stand-in"),
                config.get("firebase.web.auth-domain").asString().orElse(projectId + ".firebaseapp.com"),
                projectId, emulator.orElse(null))
                : null;
        return new ConsoleSignInService(new SignInSettings(devSignIn, firebase));
    }

    /**
     * Where the console's sign-in talks to besides this server: Google's Identity Toolkit and
     * Secure Token APIs, or the configured emulator (for the Content-Security-Policy).
     *
     * @return origins for {@code connect-src}
     */
    public java.util.List<String> signInOrigins() {
        if (settings.firebase() == null) {
            return java.util.List.of();
        }
        if (settings.firebase().authEmulator() != null) {
            java.net.URI u = java.net.URI.create(settings.firebase().authEmulator());
            return java.util.List.of(u.getScheme() + "://" + u.getAuthority());
        }
        return java.util.List.of("https://identitytoolkit.googleapis.com", "https://securetoken.googleapis.com");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/sign-in", this::get);
    }

    private void get(ServerRequest req, ServerResponse res) {
        res.send(settings);
    }

    /**
     * What the console's sign-in page offers.
     *
     * @param devSignIn whether the dev sign-in (pick a role) is offered
     * @param firebase  the Firebase web configuration, or null when no Firebase sign-in is configured
     */
    public record SignInSettings(boolean devSignIn, Firebase firebase) {
    }

    /**
     * The Firebase web app configuration.
     *
     * @param apiKey       the web API key
     * @param authDomain   the auth domain
     * @param projectId    the project, the same whose ID tokens the server accepts
     * @param authEmulator base URL of a local Firebase Authentication stand-in, or null for Google
     */
    public record Firebase(String apiKey, String authDomain, String projectId, String authEmulator) {
    }
}
