package de.kundenpuls.app.kiosk;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import de.kundenpuls.app.AppContext;
import de.kundenpuls.app.Errors;
import de.kundenpuls.app.account.Connection;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.client.FirebaseAuthSession;
import de.kundenpuls.model.client.KundenpulsClient;

/**
 * The way into a kiosk's staff area: the staff member's own e-mail account, checked by Firebase
 * Authentication (which locks an account after repeated wrong passwords), never a PIN kept on
 * the tablet. Staff of another store are turned away.
 */
final class StaffSignIn extends VBox {

    private final Label message = Ui.text("", "error");

    /**
     * @param ctx     shared services
     * @param storeId the kiosk's store
     * @param opened  gets the staff member's client once signed in (FX thread)
     * @param cancel  back to the guests
     */
    StaffSignIn(AppContext ctx, String storeId, Consumer<KundenpulsClient> opened, Runnable cancel) {
        super(14);
        setId("staff-signin");
        getStyleClass().add("staff-signin");
        setAlignment(Pos.CENTER);
        setMaxWidth(460);
        TextField email = new TextField();
        email.setId("staff-email");
        email.setPromptText(Texts.t("staff.email"));
        PasswordField password = new PasswordField();
        password.setId("staff-password");
        password.setPromptText(Texts.t("staff.password"));
        message.setId("staff-signin-message");
        message.setWrapText(true);
        Button signIn = Ui.primary(Texts.t("staff.signIn"), "staff-signin-button");
        signIn.setMaxWidth(Double.MAX_VALUE);
        Button back = Ui.secondary(Texts.t("kiosk.pinCancel"), "staff-signin-cancel");
        back.setMaxWidth(Double.MAX_VALUE);
        back.setOnAction(e -> cancel.run());
        signIn.setOnAction(e -> {
            signIn.setDisable(true);
            message.setText("");
            String typedEmail = email.getText().strip();
            String typedPassword = password.getText();
            Thread t = new Thread(() -> {
                try {
                    KundenpulsClient staff = ctx.connection().staffSignIn(typedEmail, typedPassword, storeId);
                    Platform.runLater(() -> opened.accept(staff));
                } catch (RuntimeException ex) {
                    Platform.runLater(() -> {
                        password.clear();
                        message.setText(inWords(ex));
                        signIn.setDisable(false);
                    });
                }
            }, "kundenpuls-staff-signin");
            t.setDaemon(true);
            t.start();
        });
        password.setOnAction(e -> signIn.fire());
        getChildren().addAll(Ui.text(Texts.t("staff.signInTitle"), "h2"), Ui.text(Texts.t("staff.signInIntro"), "muted"),
                email, password, signIn, back, message);
    }

    private static String inWords(RuntimeException e) {
        if (e instanceof Connection.StaffRefusedException refused) {
            return Texts.t("staff.refused." + refused.reason());
        }
        if (e instanceof FirebaseAuthSession.AuthFailedException failed) {
            return switch (failed.reason()) {
                case "TOO_MANY_ATTEMPTS_TRY_LATER" -> Texts.t("staff.tooMany");
                case "INVALID_EMAIL", "EMAIL_NOT_FOUND", "INVALID_PASSWORD", "INVALID_LOGIN_CREDENTIALS" -> Texts.t("staff.wrong");
                default -> Texts.t("staff.failed", failed.reason());
            };
        }
        return Errors.inWords(e);
    }
}
