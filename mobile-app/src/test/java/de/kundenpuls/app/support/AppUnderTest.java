package de.kundenpuls.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import de.kundenpuls.app.AppConfig;
import de.kundenpuls.app.scan.PhotoSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every app test stands on: a real server in the test JVM on its own data directory, the
 * app's private directory, and the app under TestFX; all closed and removed after each test. Use
 * with {@code @RegisterExtension final AppUnderTest bench = new AppUnderTest();}.
 */
public final class AppUnderTest implements BeforeEachCallback, AfterEachCallback {

    private Path serverDir;
    private Path deviceDir;
    private RealServer server;
    private AppDriver driver;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        serverDir = Files.createTempDirectory("kundenpuls-server");
        deviceDir = Files.createTempDirectory("kundenpuls-device");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            closeApp();
        } finally {
            if (server != null) {
                server.close();
                server = null;
            }
            delete(serverDir);
            delete(deviceDir);
        }
    }

    /**
     * Starts the server.
     *
     * @param overrides configuration overrides
     * @return the running server
     */
    public RealServer server(Map<String, String> overrides) {
        server = RealServer.start(serverDir, overrides);
        return server;
    }

    /** The app's private directory on this "device". */
    public Path deviceDir() {
        return deviceDir;
    }

    /**
     * Starts the app.
     *
     * @param config its configuration
     * @param photos where its photos come from
     * @param prefix the prefix of its screenshots
     * @return the driver
     */
    public AppDriver app(AppConfig config, PhotoSource photos, String prefix) {
        closeApp();
        driver = new AppDriver(config, photos, prefix);
        return driver;
    }

    /** Closes the app (as a kill would: what it wrote to the device stays). */
    public void closeApp() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
    }

    private static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
