package de.kundenpuls.server;

import java.time.Clock;
import java.util.Locale;

import de.kundenpuls.server.storage.StorageUnavailableException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

/**
 * Starts the production Kundenpuls server from {@code application.yaml}, overridden by environment
 * variables and system properties; {@code KUNDENPULS_PROFILE=x} adds {@code application-x.yaml}
 * from the class path. The embedded default ({@code run.sh}) starts through the embedded build's
 * own main instead, which adds dev sign-in, the Google stand-in and the demo catalog.
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
        serve(profile(""), config -> KundenpulsServer.start(config, Clock.systemUTC()));
    }

    /**
     * The configuration profile asked for: {@code KUNDENPULS_PROFILE} or {@code -Dkundenpuls.profile}.
     *
     * @param otherwise the profile when neither is set
     * @return the profile, empty for none
     */
    public static String profile(String otherwise) {
        return System.getenv().getOrDefault("KUNDENPULS_PROFILE", System.getProperty("kundenpuls.profile", otherwise));
    }

    /**
     * Starts a server and keeps it running until SIGTERM; exits with 2 and one line on standard
     * error when it cannot start.
     *
     * @param profile the configuration profile
     * @param starter starts the server from the configuration
     */
    public static void serve(String profile, java.util.function.Function<Config, KundenpulsServer> starter) {
        LogConfig.configureRuntime();
        KundenpulsServer server;
        try {
            server = starter.apply(config(profile));
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
    public static Config config(String profile) {
        if (profile == null || profile.isBlank()) {
            return Config.create();
        }
        String name = "application-" + profile.strip().toLowerCase(Locale.ROOT) + ".yaml";
        if (Main.class.getClassLoader().getResource(name) == null) {
            throw new ServerStartException("Kundenpuls could not start: profile '" + profile + "' has no " + name
                    + " on the class path" + (profile.strip().equalsIgnoreCase("embedded")
                    ? " (the embedded default is the embedded build: ./run.sh)" : ""));
        }
        return Config.builder()
                .sources(ConfigSources.classpath(name), ConfigSources.classpath("application.yaml"))
                .build();
    }
}
