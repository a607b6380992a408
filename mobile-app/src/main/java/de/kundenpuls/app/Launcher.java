package de.kundenpuls.app;

import java.util.Arrays;

import de.kundenpuls.app.scan.ScanCommand;

/**
 * Entry point of the app jar. It is not a JavaFX {@code Application} itself so that the JavaFX
 * runtime can be loaded from the class path, and so that {@code --scan} never starts a toolkit.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Starts the app ({@code --server URL} names the server); with {@code --scan FILE…} decodes
     * barcodes headless and exits with {@link ScanCommand}'s status; {@code --help} says so.
     *
     * @param args command line arguments
     */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(ScanCommand.HELP);
            return;
        }
        if (args.length > 0 && args[0].equals("--scan")) {
            System.exit(ScanCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--server")) {
                System.setProperty("kundenpuls.server", args[i + 1]);
            }
        }
        DesktopLaunch.launch(args);
    }
}
