package de.kundenpuls.embedded;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import de.kundenpuls.server.IdentityMode;
import de.kundenpuls.server.KundenpulsServer;
import de.kundenpuls.server.ServerStartException;
import io.helidon.config.Config;

/**
 * The server on the embedded default: with {@code dev.enabled} or {@code standin.enabled}, a local
 * stand-in of Google ({@link LocalStandIn}) instead of Google; always the demo stores, the demo
 * products with {@code catalog.seed-demo}, and with {@code demo.history} 90 days of a living chain
 * on an empty data directory ({@link DemoHistory}). Without either setting it is the production server.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final KundenpulsServer server;
    private final Optional<LocalStandIn> google;
    private Optional<DemoHistory.Summary> demo = Optional.empty();

    private EmbeddedServer(KundenpulsServer server, Optional<LocalStandIn> google) {
        this.server = server;
        this.google = google;
    }

    /**
     * Opens storage, starts the stand-in as configured and then the server.
     *
     * @param config the root configuration
     * @param clock  the clock
     * @return the running server
     */
    public static EmbeddedServer start(Config config, Clock clock) {
        DemoCatalogSeed seed = new DemoCatalogSeed(config.get("catalog.seed-demo").asBoolean().orElse(false));
        boolean local = IdentityMode.asksForLocal(config);
        if (local && config.get("firebase.auth-emulator").asBoolean().orElse(false)) {
            // One sign-in at a time: the stand-in's tokens or the emulator's. With the emulator, push
            // goes to push.fcm-endpoint (a stand-in started on its own: GoogleStandIn --port 9099).
            throw new ServerStartException("Kundenpuls could not start: firebase.auth-emulator cannot be combined with"
                    + " dev.enabled or standin.enabled; set those to false and push.fcm-endpoint for push");
        }
        if (!local) {
            return new EmbeddedServer(KundenpulsServer.start(config, clock, IdentityMode.fromConfig(config), seed), Optional.empty());
        }
        AtomicReference<LocalStandIn> opened = new AtomicReference<>();
        IdentityMode mode = new IdentityMode.Local(IdentityMode.projectId(config), IdentityMode.pushProjectId(config),
                IdentityMode.fcmEndpoint(config), (dataDir, projectId, c) -> {
                    LocalStandIn standIn = LocalStandIn.open(config, dataDir, projectId, c);
                    opened.set(standIn);
                    return standIn;
                });
        KundenpulsServer server = KundenpulsServer.start(config, clock, mode, seed);
        EmbeddedServer embedded = new EmbeddedServer(server, Optional.of(opened.get()));
        if (config.get("demo.history").asBoolean().orElse(false)) {
            try {
                embedded.demo = DemoHistory.seedIfEmpty(server, embedded.devIssuer().orElseThrow(() -> new ServerStartException(
                        "Kundenpuls could not start: demo.history needs dev.enabled (its customers and staff sign in with dev tokens)")),
                        clock);
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        return embedded;
    }

    /** The server. */
    public KundenpulsServer server() {
        return server;
    }

    /** What the demo history wrote at this start: empty unless {@code demo.history} found an empty directory. */
    public Optional<DemoHistory.Summary> demo() {
        return demo;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** The local stand-in of Google, when one runs. */
    public Optional<GoogleStandIn> standIn() {
        return google.map(LocalStandIn::standIn);
    }

    /** The dev token issuer, with {@code dev.enabled}. */
    public Optional<DevTokenIssuer> devIssuer() {
        return google.flatMap(LocalStandIn::devIssuer);
    }

    /** Stops the server and the stand-in. */
    @Override
    public void close() {
        server.close();
    }
}
