package de.kundenpuls.app;

import javafx.application.Application;

/**
 * Entry point of the app jar. It is not a JavaFX {@code Application} itself so that the JavaFX
 * runtime can be loaded from the class path, and so that headless commands never start a toolkit.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Starts the app.
     *
     * @param args command line arguments
     */
    public static void main(String[] args) {
        Application.launch(KundenpulsApp.class, args);
    }
}
