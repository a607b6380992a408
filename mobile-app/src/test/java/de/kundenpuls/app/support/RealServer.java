package de.kundenpuls.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.embedded.EmbeddedServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * The real Kundenpuls server in the test JVM: embedded profile (dev sign-in, FCM stand-in), the
 * demo catalog, a data directory of the test, and a fixed port so it can be stopped and started
 * again where the app expects it.
 */
public final class RealServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Map<String, String> overrides;
    private EmbeddedServer server;

    private RealServer(Path dir, Map<String, String> overrides) {
        this.dir = dir;
        this.overrides = overrides;
        this.port = freePort();
        start();
    }

    /**
     * @param dir       the data directory
     * @param overrides configuration overrides
     * @return the running server
     */
    public static RealServer start(Path dir, Map<String, String> overrides) {
        return new RealServer(dir, overrides);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it (again) on the same port and data directory. */
    public void start() {
        Map<String, String> values = new HashMap<>();
        values.put("server.port", String.valueOf(port));
        values.put("server.host", "127.0.0.1");
        values.put("observe.port", "0");
        values.put("storage.directory", dir.toString());
        values.put("standin.port", "0");
        values.put("catalog.seed-demo", "true");
        values.put("demo.history", "false");
        values.putAll(overrides);
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(values),
                        ConfigSources.classpath("application-embedded.yaml"),
                        ConfigSources.classpath("application.yaml"))
                .build();
        server = EmbeddedServer.start(config, Clock.systemUTC());
    }

    /** Stops it; the data stays on disk. */
    public void stop() {
        server.close();
        server = null;
    }

    /** @return the base URL */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * @param role    a role
     * @param storeId the store for staff, else null
     * @return a client signed in with that role
     */
    public KundenpulsClient as(String role, String storeId) {
        KundenpulsClient anonymous = KundenpulsClient.create(url());
        return anonymous.withToken(anonymous.dev().token(role, storeId).token());
    }

    /**
     * @param uid a shopper's account id
     * @return a client signed in as that shopper
     */
    public KundenpulsClient shopper(String uid) {
        KundenpulsClient anonymous = KundenpulsClient.create(url());
        return anonymous.withToken(anonymous.dev().token("shopper", null, uid).token());
    }

    /**
     * Enrolls a kiosk the way the console does (as the store's staff).
     *
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @return the one-time code for the tablet
     */
    public String enrollKiosk(String storeId, String touchpoint) {
        return as("staff", storeId).kiosks().enroll(storeId, touchpoint, "Tablet " + touchpoint).code();
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
