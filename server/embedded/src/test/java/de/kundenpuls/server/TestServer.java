package de.kundenpuls.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import de.kundenpuls.embedded.EmbeddedServer;
import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.client.DevApi;
import de.kundenpuls.model.client.KundenpulsClient;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * A real Kundenpuls server for tests: real HTTP on an ephemeral port, a real Eclipse Store data
 * directory, dev sign-in and the FCM stand-in on an ephemeral port. Restartable on the same
 * directory.
 */
public final class TestServer implements AutoCloseable {

    private final Path directory;
    private final Map<String, String> overrides;
    private final Clock clock;
    private EmbeddedServer server;
    private KundenpulsClient client;

    private TestServer(Path directory, Map<String, String> overrides, Clock clock) {
        this.directory = directory;
        this.overrides = overrides;
        this.clock = clock;
        boot();
    }

    /**
     * Starts a server on an empty (or existing) data directory, without the demo catalog.
     *
     * @param directory the data directory
     * @return the running server
     */
    public static TestServer start(Path directory) {
        return start(directory, Map.of());
    }

    /**
     * Starts a server with configuration overrides.
     *
     * @param directory the data directory
     * @param overrides config keys, e.g. {@code catalog.seed-demo=true}
     * @return the running server
     */
    public static TestServer start(Path directory, Map<String, String> overrides) {
        return new TestServer(directory, overrides, Clock.systemUTC());
    }

    /**
     * Starts a server with a given clock.
     *
     * @param directory the data directory
     * @param overrides config keys
     * @param clock     the clock the server uses
     * @return the running server
     */
    public static TestServer start(Path directory, Map<String, String> overrides, Clock clock) {
        return new TestServer(directory, overrides, clock);
    }

    /** The test configuration: embedded profile, ephemeral ports, no demo data unless asked. */
    static Config config(Path directory, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("server.port", "0");
        values.put("observe.port", "0");
        values.put("server.host", "127.0.0.1");
        values.put("storage.directory", directory.toString());
        values.put("standin.port", "0");
        values.put("catalog.seed-demo", "false");
        // Every test's accounts come from 127.0.0.1; many tests make more new app accounts than
        // one address may in production (30 an hour). CaptureAbuseTest checks that limit itself.
        values.put("feedback.limits.new-accounts.burst", "100000");
        values.putAll(overrides);
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(values),
                        ConfigSources.classpath("application-embedded.yaml"),
                        ConfigSources.classpath("application.yaml"))
                .build();
    }

    private void boot() {
        server = EmbeddedServer.start(config(directory, overrides), clock);
        client = KundenpulsClient.create("http://127.0.0.1:" + server.port());
    }

    /** Stops the server cleanly and starts it again on the same directory. */
    public void restart() {
        server.close();
        boot();
    }

    /**
     * Overrides for tests that load many answers through one kiosk identity: its rate (500 at
     * once, one more every 2 s) would hold them back. Items of such loads carry their own
     * deviceId (many tills), so the 3 s interval of one device does not apply either.
     */
    public static final Map<String, String> BULK_CAPTURE = Map.of("feedback.limits.kiosk.burst", "100000000",
            "feedback.limits.kiosk.refill-seconds", "1");

    /** An anonymous client. */
    public KundenpulsClient client() {
        return client;
    }

    /**
     * A client signed in as a new identity.
     *
     * @param role shopper, marketer or admin
     * @return the client
     */
    public KundenpulsClient as(String role) {
        return client.withToken(client.dev().token(role, null).token());
    }

    /**
     * A client signed in as staff of a store.
     *
     * @param storeId the store
     * @return the client
     */
    public KundenpulsClient staff(String storeId) {
        return client.withToken(client.dev().token("staff", storeId).token());
    }

    /**
     * A client signed in as a kiosk that an admin enrolled and whose code was exchanged, the way
     * a tablet on the embedded default signs in (dev tokens for its enrolled account).
     *
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @return the client
     */
    public KundenpulsClient kiosk(String storeId, String touchpoint) {
        de.kundenpuls.model.kiosk.KioskEnrollment enrolled = as("admin").kiosks().enroll(storeId, touchpoint, "Test-Kiosk");
        de.kundenpuls.model.kiosk.KioskIdentity identity = client.kiosks().exchange(enrolled.code());
        return client.withToken(client.dev().token("kiosk", null, identity.uid()).token());
    }

    /**
     * A new dev identity.
     *
     * @param role    the role
     * @param storeId the store for staff
     * @return token and uid
     */
    public DevApi.DevToken identity(String role, String storeId) {
        return client.dev().token(role, storeId);
    }

    /** The base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The running server (storage, stand-in). */
    public KundenpulsServer server() {
        return server.server();
    }

    /** The local stand-in of Google (FCM, certificates, e-mail sign-in) this server talks to. */
    public GoogleStandIn standIn() {
        return server.standIn().orElseThrow();
    }

    @Override
    public void close() {
        server.close();
    }
}
