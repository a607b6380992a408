package de.kundenpuls.app.settings;

import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

import de.kundenpuls.app.AppContext;
import de.kundenpuls.app.Errors;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Screen;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.kiosk.KioskIdentity;

/** Language, and turning this device into the feedback kiosk it was enrolled as in the console. */
public final class SettingsScreen implements Screen {

    private final AppContext ctx;
    private final Runnable restart;

    /**
     * @param ctx     shared services
     * @param restart rebuilds the app after the language or mode changed
     */
    public SettingsScreen(AppContext ctx, Runnable restart) {
        this.ctx = ctx;
        this.restart = restart;
    }

    @Override
    public String title() {
        return Texts.t("settings.title");
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public Node view() {
        ToggleGroup langs = new ToggleGroup();
        HBox langRow = new HBox(8);
        for (Locale l : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            ToggleButton b = new ToggleButton(l.getLanguage().equals("de") ? "Deutsch" : "English");
            b.setId("lang-" + l.getLanguage());
            b.getStyleClass().add("chip");
            b.setToggleGroup(langs);
            b.setSelected(Texts.lang().equals(l.getLanguage()));
            b.setOnAction(e -> {
                ctx.settings().locale(l);
                Texts.use(l);
                restart.run();
            });
            langRow.getChildren().add(b);
        }

        Label error = Ui.text("", "error");
        error.setId("kiosk-setup-error");
        // The code comes from the console, where staff enrolled this tablet for a store and touchpoint.
        TextField code = new TextField();
        code.setId("kiosk-code");
        code.setPromptText(Texts.t("kiosk.setup.code"));
        Button start = Ui.primary(Texts.t("kiosk.setup.start"), "kiosk-start");
        start.setOnAction(e -> {
            if (code.getText().isBlank()) {
                error.setText(Texts.t("kiosk.setup.codeMissing"));
            } else {
                try {
                    KioskIdentity identity = ctx.connection().enrollKiosk(code.getText().strip());
                    ctx.settings().lockKiosk(identity);
                    restart.run();
                } catch (RuntimeException ex) {
                    error.setText(Errors.inWords(ex));
                }
            }
        });
        return Ui.page(
                Ui.card(Ui.text(Texts.t("settings.language"), "h2"), langRow),
                Ui.card(Ui.text(Texts.t("kiosk.setup.heading"), "h2"), Ui.text(Texts.t("kiosk.setup.intro"), "muted"),
                        code, start, error),
                Ui.card(Ui.text(Texts.t("settings.about"), "h2"), Ui.text(ctx.config().serverUrl(), "muted"),
                        Ui.text(Texts.t("settings.device", ctx.settings().deviceId()), "muted")));
    }
}
