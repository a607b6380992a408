package de.kundenpuls.embedded;

import java.time.Clock;

import de.kundenpuls.server.Main;

/**
 * The run command's main: the server on the embedded default ({@code application-embedded.yaml}:
 * dev sign-in, the Google stand-in, the demo catalog), unless {@code KUNDENPULS_PROFILE} names
 * another profile.
 */
public final class EmbeddedMain {

    private EmbeddedMain() {
    }

    /**
     * Starts the server; exits with 2 and one line on standard error when it cannot.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Main.serve(Main.profile("embedded"), config -> EmbeddedServer.start(config, Clock.systemUTC()).server());
    }
}
