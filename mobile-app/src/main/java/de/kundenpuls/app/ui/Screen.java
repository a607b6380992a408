package de.kundenpuls.app.ui;

import javafx.scene.Node;

/** One screen of the app: a title for the app bar and its content. */
public interface Screen {

    /** @return the app bar title */
    String title();

    /** @return the content, built when the screen is shown */
    Node view();

    /** @return the id used in tests and screenshots, e.g. {@code product} */
    String id();
}
