package de.kundenpuls.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The Kundenpuls mobile app. */
public class KundenpulsApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Kundenpuls");
        stage.setScene(new Scene(new StackPane(new Label("Kundenpuls")), 390, 844));
        stage.show();
    }
}
