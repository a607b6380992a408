package de.kundenpuls.app.profile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import de.kundenpuls.app.ShopperApp;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.storage.LocalFiles;
import de.kundenpuls.app.ui.Screen;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Profile;

/**
 * The shopper's own data: contact details they keep themselves, home store, a switch per consent
 * purpose with what it means in plain words, their data as a file, and deleting the account.
 */
public final class ProfileScreen implements Screen {

    private final ShopperApp app;

    /** @param app the shopper app */
    public ProfileScreen(ShopperApp app) {
        this.app = app;
    }

    @Override
    public String title() {
        return Texts.t("profile.title");
    }

    @Override
    public String id() {
        return "profile";
    }

    @Override
    public Node view() {
        VBox content = new VBox(12, Ui.text(Texts.t("loading"), "muted"));
        app.background(() -> new Loaded(app.ctx().connection().shopper().me().get(), app.ctx().connection().firebaseAccounts()
                        ? app.ctx().connection().shopperEmail() : java.util.Optional.empty()),
                loaded -> content.getChildren().setAll(build(loaded.profile(), loaded.email())),
                error -> content.getChildren().setAll(Ui.card(Ui.text(error, "error"))));
        return Ui.page(content);
    }

    /** The profile, and the e-mail the account is secured with: both read off the FX thread. */
    private record Loaded(Profile profile, java.util.Optional<String> email) {
    }

    private Node[] build(Profile profile, java.util.Optional<String> secured) {
        KundenpulsClient me = app.ctx().connection().shopper();
        Label status = Ui.text("", "muted");
        status.setId("profile-status");

        TextField name = field("profile-name", Texts.t("profile.name"), profile.contact() == null ? null : profile.contact().name());
        TextField email = field("profile-email", Texts.t("profile.email"), profile.contact() == null ? null : profile.contact().email());
        ComboBox<StoreView> home = new ComboBox<>();
        home.setId("profile-home");
        home.setMaxWidth(Double.MAX_VALUE);
        home.getItems().setAll(app.stores());
        home.setConverter(new StringConverter<>() {
            @Override
            public String toString(StoreView s) {
                return s == null ? Texts.t("profile.noHome") : s.name();
            }

            @Override
            public StoreView fromString(String s) {
                return null;
            }
        });
        app.stores().stream().filter(s -> s.id().equals(profile.homeStoreId())).findFirst().ifPresent(home::setValue);
        Button save = Ui.primary(Texts.t("profile.save"), "profile-save");
        save.setOnAction(e -> {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", blankToNull(name.getText()));
            contact.put("email", blankToNull(email.getText()));
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("contact", contact);
            patch.put("locale", Texts.lang());
            if (home.getValue() != null) {
                patch.put("homeStoreId", home.getValue().id());
            }
            app.background(() -> me.me().patch(patch), p -> status.setText(Texts.t("profile.saved")), status::setText);
        });

        Label consentStatus = Ui.text("", "muted");
        consentStatus.setId("consent-status");
        VBox consents = new VBox(10, Ui.text(Texts.t("consent.heading"), "h2"), Ui.text(Texts.t("consent.intro"), "muted"));
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            boolean granted = profile.consents() != null && profile.consents().get(purpose.key()) != null
                    && profile.consents().get(purpose.key()).granted();
            ToggleButton toggle = new ToggleButton();
            toggle.setId("consent-" + purpose.key());
            toggle.getStyleClass().add("switch");
            toggle.setSelected(granted);
            toggle.setText(granted ? Texts.t("consent.on") : Texts.t("consent.off"));
            toggle.setOnAction(e -> {
                boolean want = toggle.isSelected();
                toggle.setDisable(true);
                app.background(() -> me.me().consents(Map.of(purpose.key(), want)), p -> {
                    toggle.setDisable(false);
                    toggle.setText(want ? Texts.t("consent.on") : Texts.t("consent.off"));
                    consentStatus.setText(Texts.t("consent.saved"));
                }, msg -> {
                    toggle.setDisable(false);
                    toggle.setSelected(!want);
                    consentStatus.setText(msg);
                });
            });
            consents.getChildren().add(new VBox(4, Ui.row(Ui.text(Texts.t("consent." + purpose.key()), "h2"), toggle),
                    Ui.text(Texts.t("consent." + purpose.key() + ".explain"), "muted")));
        }

        consents.getChildren().add(consentStatus);
        Label dataStatus = Ui.text("", "muted");
        dataStatus.setId("data-status");
        Button export = Ui.secondary(Texts.t("profile.export"), "profile-export");
        export.setOnAction(e -> app.background(() -> {
            byte[] json = KundenpulsClient.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(me.me().exportDocument());
            Path file = LocalFiles.directory(app.ctx().config().dataDir().resolve("exports"))
                    .resolve("kundenpuls-meine-daten.json");
            LocalFiles.writeAtomically(file, json);
            return file + " (" + new String(json, StandardCharsets.UTF_8).length() + " B)";
        }, where -> dataStatus.setText(Texts.t("profile.exported", where)), dataStatus::setText));

        Button delete = new Button(Texts.t("profile.delete"));
        delete.setId("profile-delete");
        delete.getStyleClass().add("danger");
        delete.setMaxWidth(Double.MAX_VALUE);
        delete.setOnAction(e -> {
            // The buttons say what they do: "OK" on an irreversible step is a guess for the shopper.
            ButtonType erase = new ButtonType(Texts.t("profile.delete"), ButtonBar.ButtonData.OK_DONE);
            ButtonType keep = new ButtonType(Texts.t("profile.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert confirm = new Alert(Alert.AlertType.NONE, Texts.t("profile.deleteConfirm"), keep, erase);
            confirm.setTitle(Texts.t("profile.delete"));
            confirm.setHeaderText(null);
            confirm.initOwner(delete.getScene().getWindow());
            confirm.getDialogPane().getStylesheets().setAll(delete.getScene().getStylesheets());
            confirm.getDialogPane().getStyleClass().add("confirm");
            Node eraseButton = confirm.getDialogPane().lookupButton(erase);
            eraseButton.getStyleClass().add("danger");
            eraseButton.setId("confirm-delete");
            confirm.showAndWait().filter(b -> b == erase).ifPresent(b -> app.background(() -> {
                me.me().delete();
                return true;
            }, ok -> {
                app.ctx().connection().forgetShopper();
                app.shell().refresh();
                app.notifyUser(Texts.t("profile.deleted"));
            }, dataStatus::setText));
        });

        java.util.List<Node> cards = new java.util.ArrayList<>();
        accountCard(secured).ifPresent(cards::add);
        cards.addAll(java.util.List.of(
            Ui.card(Ui.text(Texts.t("profile.contact"), "h2"), Ui.text(Texts.t("profile.contactIntro"), "muted"),
                    name, email, Ui.text(Texts.t("profile.home"), "muted"), home, save, status),
            Ui.card(consents.getChildren().toArray(Node[]::new)),
            Ui.card(Ui.text(Texts.t("profile.yourData"), "h2"), Ui.text(Texts.t("profile.yourDataIntro"), "muted"), export, delete,
                    dataStatus)));
        return cards.toArray(Node[]::new);
    }

    /**
     * Securing the anonymous account with e-mail and password (the account and its profile stay),
     * or signing in with an account secured before, on a new phone. Only with Firebase accounts.
     */
    private java.util.Optional<Node> accountCard(java.util.Optional<String> secured) {
        var connection = app.ctx().connection();
        if (!connection.firebaseAccounts()) {
            return java.util.Optional.empty();
        }
        Label status = Ui.text("", "muted");
        status.setId("account-status");
        status.setWrapText(true);
        if (secured.isPresent()) {
            status.setText(Texts.t("account.secured", secured.get()));
            return java.util.Optional.of(Ui.card(Ui.text(Texts.t("account.heading"), "h2"), status));
        }
        TextField email = field("account-email", Texts.t("account.email"), null);
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("account-password");
        password.setPromptText(Texts.t("account.password"));
        Button link = Ui.primary(Texts.t("account.link"), "account-link");
        Button signIn = Ui.secondary(Texts.t("account.signIn"), "account-signin");
        Label heading = Ui.text(Texts.t("account.heading"), "h2");
        javafx.scene.layout.VBox card = Ui.card(heading, Ui.text(Texts.t("account.intro"), "muted"), email, password, link, signIn,
                status);
        link.setOnAction(e -> app.background(() -> {
            connection.linkEmailAndPassword(email.getText().strip(), password.getText());
            return email.getText().strip();
        }, address -> {
            // Secured: what is left to say is with which address.
            status.setText(Texts.t("account.secured", address));
            card.getChildren().setAll(heading, status);
        }, status::setText));
        signIn.setOnAction(e -> app.background(() -> {
            connection.signInWithEmail(email.getText().strip(), password.getText());
            return true;
        }, ok -> {
            app.shell().refresh();
            app.notifyUser(Texts.t("account.signedIn"));
        }, status::setText));
        return java.util.Optional.of(card);
    }

    private static TextField field(String id, String prompt, String value) {
        TextField f = new TextField(value == null ? "" : value);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
