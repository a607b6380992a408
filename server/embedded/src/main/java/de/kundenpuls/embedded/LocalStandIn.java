package de.kundenpuls.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import de.kundenpuls.server.LocalGoogle;
import de.kundenpuls.server.ServerStartException;
import io.helidon.config.Config;

/**
 * The embedded default's Google: the {@link GoogleStandIn} (FCM, certificates, e-mail sign-in)
 * and, with {@code dev.enabled}, dev sign-in with a key kept in the data directory.
 */
final class LocalStandIn implements LocalGoogle {

    private final GoogleStandIn standIn;
    private final Optional<DevTokenIssuer> devIssuer;

    private LocalStandIn(GoogleStandIn standIn, Optional<DevTokenIssuer> devIssuer) {
        this.standIn = standIn;
        this.devIssuer = devIssuer;
    }

    /**
     * Opens the stand-in as the configuration says: {@code dev.enabled}, {@code standin.port},
     * {@code standin.demo-accounts}, {@code dev.token-lifetime-seconds}.
     */
    static LocalStandIn open(Config config, Path dataDir, String projectId, Clock clock) {
        boolean dev = config.get("dev.enabled").asBoolean().orElse(false);
        Optional<DevTokenIssuer> issuer = dev
                ? Optional.of(DevTokenIssuer.loadOrCreate(dataDir, projectId, clock).withLifetime(
                        Duration.ofSeconds(config.get("dev.token-lifetime-seconds").asLong().orElse(3600L))))
                : Optional.empty();
        int port = config.get("standin.port").asInt().orElse(9099);
        // The stand-in's e-mail sign-in signs with the dev key, or with a key that lives only in memory.
        DevTokenIssuer signInKey = issuer.orElseGet(() -> DevTokenIssuer.ephemeral(projectId, clock));
        Map<String, String> certificates = Map.of(signInKey.keyId(), signInKey.certificatePem());
        GoogleStandIn standIn;
        try {
            standIn = GoogleStandIn.start(port, () -> certificates, signInKey::sign);
        } catch (java.io.UncheckedIOException e) {
            // Like a taken server port: one line, exit 2, no stack trace.
            throw new ServerStartException("Kundenpuls could not start: the local Google stand-in's port " + port
                    + " is already in use (another Kundenpuls running?); set STANDIN_PORT to another port");
        }
        if (config.get("standin.demo-accounts").asBoolean().orElse(false)) {
            DemoAccounts.addTo(standIn);
        }
        return new LocalStandIn(standIn, issuer);
    }

    @Override
    public String url() {
        return standIn.url();
    }

    @Override
    public Optional<String> signInUrl() {
        return standIn.servesSignIn() ? Optional.of(standIn.url()) : Optional.empty();
    }

    @Override
    public Optional<DevSignIn> devSignIn() {
        return devIssuer.map(issuer -> (storeExists, kioskClaims) -> new DevTokenService(issuer::issue, storeExists, kioskClaims));
    }

    GoogleStandIn standIn() {
        return standIn;
    }

    Optional<DevTokenIssuer> devIssuer() {
        return devIssuer;
    }

    @Override
    public void close() {
        standIn.close();
    }
}
