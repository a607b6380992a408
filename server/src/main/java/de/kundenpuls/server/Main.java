package de.kundenpuls.server;

import java.time.Clock;
import java.util.Locale;

import de.kundenpuls.server.storage.StorageUnavailableException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

/**
 * Starts the Kundenpuls server from {@code application.yaml}, overridden by environment variables
 * and system properties. With {@code KUNDENPULS_PROFILE=embedded} (set by {@code run.sh}),
 * {@code application-embedded.yaml} adds dev sign-in, the FCM stand-in and the demo catalog.
 */
public final class Main {

    private Main() {
    }

    /**
     * Starts the server; exits with 2 and one line on standard error when it cannot.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = config(System.getenv().getOrDefault("KUNDENPULS_PROFILE",
                System.getProperty("kundenpuls.profile", "")));
        KundenpulsServer server;
        try {
            server = KundenpulsServer.start(config, Clock.systemUTC());
        } catch (ServerStartException | StorageUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // SIGTERM: stop taking requests, commit what is queued, close the data directory.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("Kundenpuls stopped; data directory closed");
        }, "kundenpuls-shutdown"));
        System.out.println("Kundenpuls listening on http://localhost:" + server.port()
                + " (console: http://localhost:" + server.port() + "/console/)");
    }

    /**
     * Loads the configuration: environment and system properties override the profile's file,
     * which overrides {@code application.yaml}.
     *
     * @param profile empty, or e.g. {@code embedded}
     * @return the configuration
     */
    static Config config(String profile) {
        if (profile == null || profile.isBlank()) {
            return Config.create();
        }
        String name = "application-" + profile.strip().toLowerCase(Locale.ROOT) + ".yaml";
        return Config.builder()
                .sources(ConfigSources.classpath(name), ConfigSources.classpath("application.yaml"))
                .build();
    }
}
