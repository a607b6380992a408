package de.kundenpuls.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import de.kundenpuls.embedded.EmbeddedServer;
import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.client.DevApi;
import de.kundenpuls.model.client.KundenpulsClient;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kundenpuls server for tests: real HTTP on an ephemeral port, a real Eclipse Store data
 * directory, dev sign-in and the FCM stand-in on an ephemeral port. Restartable on the same
 * directory.
 *
 * <p>Started by hand ({@link #start}) or, for a server per test method, as a JUnit extension:
 * {@code @RegisterExtension final TestServer server = TestServer.perTest(Map.of(…));} starts it on
 * a fresh data directory before each test (and before the class's {@code @BeforeEach} methods),
 * stops it after the test and deletes the directory.
 */
public final class TestServer implements AutoCloseable, BeforeEachCallback, AfterEachCallback, BeforeAllCallback,
        AfterAllCallback {

    private Path directory;
    private Map<String, String> overrides;
    private final Clock clock;
    /** As an extension: one server for the whole test class (a static field) instead of one per test. */
    private boolean perClass;
    private EmbeddedServer server;
    private KundenpulsClient client;

    private TestServer(Path directory, Map<String, String> overrides, Clock clock) {
        this.directory = directory;
        this.overrides = overrides;
        this.clock = clock;
        if (directory != null) {
            boot();
        }
    }

    /**
     * A server per test method, as a JUnit extension on a fresh data directory each time.
     *
     * @param overrides config keys, e.g. {@code catalog.seed-demo=true}
     * @return the extension, which is also the server while a test runs
     */
    public static TestServer perTest(Map<String, String> overrides) {
        return new TestServer(null, overrides, Clock.systemUTC());
    }

    /**
     * A server per test method on the given clock.
     *
     * @param overrides config keys
     * @param clock     the clock the server uses
     * @return the extension
     */
    public static TestServer perTest(Map<String, String> overrides, Clock clock) {
        return new TestServer(null, overrides, clock);
    }

    /**
     * One server for a whole test class, as a JUnit extension in a static field: started before
     * the class's {@code @BeforeAll} methods, stopped after its tests.
     *
     * @param overrides config keys
     * @return the extension
     */
    public static TestServer perClass(Map<String, String> overrides) {
        TestServer server = new TestServer(null, overrides, Clock.systemUTC());
        server.perClass = true;
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (perClass) {
            open();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (perClass) {
            stopAndDelete();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            stopAndDelete();
        }
    }

    private void open() throws IOException {
        directory = Files.createTempDirectory("kundenpuls-test");
        boot();
    }

    private void stopAndDelete() throws IOException {
        close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The data directory. */
    public Path directory() {
        return directory;
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
        values.put("demo.history", "false");
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
     * Stops the server and starts it again on the same directory with more settings.
     *
     * @param more config keys on top of the ones it started with
     */
    public void restart(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(overrides);
        all.putAll(more);
        overrides = all;
        restart();
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

    /** What the demo history wrote at the last start, with {@code demo.history}. */
    public java.util.Optional<de.kundenpuls.embedded.DemoHistory.Summary> demo() {
        return server.demo();
    }

    /** The local stand-in of Google (FCM, certificates, e-mail sign-in) this server talks to. */
    public GoogleStandIn standIn() {
        return server.standIn().orElseThrow();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
