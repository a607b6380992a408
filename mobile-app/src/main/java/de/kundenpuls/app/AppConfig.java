package de.kundenpuls.app;

import java.nio.file.Path;
import java.time.Duration;

import de.kundenpuls.app.storage.LocalFiles;

/**
 * Where the app talks to and how patient the kiosk is.
 *
 * @param serverUrl     the Kundenpuls server
 * @param dataDir       the app's private directory (queue, settings)
 * @param kioskIdle     an unfinished kiosk answer is reset after this long without a touch
 * @param kioskInterval the shortest time between two kiosk answers (against button mashing)
 * @param thankYou      how long the kiosk shows its thank-you screen
 * @param offerPoll     how often the desktop app looks for new offers (stands in for push)
 */
public record AppConfig(String serverUrl, Path dataDir, Duration kioskIdle, Duration kioskInterval, Duration thankYou,
                        Duration offerPoll) {

    /**
     * The configuration from {@code -Dkundenpuls.server=URL} or {@code KUNDENPULS_SERVER}, defaulting
     * to the embedded server on this machine.
     *
     * @return the configuration
     */
    public static AppConfig fromEnvironment() {
        String url = System.getProperty("kundenpuls.server", System.getenv().getOrDefault("KUNDENPULS_SERVER",
                "http://localhost:8080"));
        return new AppConfig(url, LocalFiles.privateDirectory(), Duration.ofSeconds(30), Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofSeconds(30));
    }
}
