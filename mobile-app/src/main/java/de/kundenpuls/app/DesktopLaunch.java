package de.kundenpuls.app;

import javafx.application.Application;

/** Starts the JavaFX app; kept apart so that headless commands never load JavaFX classes. */
final class DesktopLaunch {

    private DesktopLaunch() {
    }

    static void launch(String[] args) {
        Application.launch(KundenpulsApp.class, args);
    }
}
