package de.kundenpuls.app.kiosk;

import java.util.function.Predicate;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Ui;

/** A large number pad for the staff PIN; the digits typed show as dots. */
final class PinPad extends VBox {

    private final StringBuilder typed = new StringBuilder();
    private final Label dots = new Label();
    private final Label message = Ui.text("", "kiosk-hint");

    /**
     * @param check  true when the PIN opens the lock
     * @param cancel back to the guests
     */
    PinPad(Predicate<String> check, Runnable cancel) {
        super(18);
        setId("pin-pad");
        setAlignment(Pos.CENTER);
        dots.getStyleClass().add("kiosk-big");
        dots.setId("pin-dots");
        message.setId("pin-message");
        GridPane keys = new GridPane();
        keys.setHgap(12);
        keys.setVgap(12);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            keys.add(key(String.valueOf(d)), (d - 1) % 3, (d - 1) / 3);
        }
        Button clear = key("⌫");
        clear.setId("pin-clear");
        clear.setOnAction(e -> {
            if (!typed.isEmpty()) {
                typed.setLength(typed.length() - 1);
            }
            render();
        });
        keys.add(clear, 0, 3);
        keys.add(key("0"), 1, 3);
        Button ok = key("✓");
        ok.setId("pin-ok");
        ok.setOnAction(e -> {
            if (!check.test(typed.toString())) {
                typed.setLength(0);
                render();
                message.setText(Texts.t("kiosk.pinWrong"));
            }
        });
        keys.add(ok, 2, 3);
        Button back = new Button(Texts.t("kiosk.pinCancel"));
        back.setId("pin-cancel");
        back.getStyleClass().add("chip");
        back.setOnAction(e -> cancel.run());
        getChildren().addAll(Ui.text(Texts.t("kiosk.pinTitle"), "kiosk-question"), dots, keys, message, back);
        render();
    }

    private Button key(String label) {
        Button b = new Button(label);
        b.getStyleClass().add("pin-key");
        if (label.matches("\\d")) {
            b.setId("pin-" + label);
            b.setOnAction(e -> {
                if (typed.length() < 8) {
                    typed.append(label);
                }
                message.setText("");
                render();
            });
        }
        return b;
    }

    private void render() {
        dots.setText(typed.isEmpty() ? "· · · ·" : "●".repeat(typed.length()));
    }
}
