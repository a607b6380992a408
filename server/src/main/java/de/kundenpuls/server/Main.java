package de.kundenpuls.server;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;

/** Starts the Kundenpuls server. */
public final class Main {

    private Main() {
    }

    /**
     * Starts the server.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .routing(r -> r.get("/", (req, res) -> res.send("Kundenpuls")))
                .build()
                .start();
        if (!server.isRunning()) {
            System.err.println("Kundenpuls could not start: port " + config.get("server.port").asInt().orElse(8080) + " is not available");
            System.exit(2);
        }
    }
}
