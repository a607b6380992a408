package de.kundenpuls.app.dialog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.app.ShopperApp;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Screen;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.cases.CaseView;

/** Replies from the store to the shopper's feedback, and their answers. */
public final class DialogScreen implements Screen {

    private final ShopperApp app;

    /** @param app the shopper app */
    public DialogScreen(ShopperApp app) {
        this.app = app;
    }

    @Override
    public String title() {
        return Texts.t("dialog.title");
    }

    @Override
    public String id() {
        return "dialog";
    }

    @Override
    public Node view() {
        VBox list = new VBox(12, Ui.text(Texts.t("loading"), "muted"));
        list.setId("dialog-list");
        load(list);
        return Ui.page(list);
    }

    private void load(VBox list) {
        app.background(() -> app.ctx().connection().shopper().get("/api/me/inbox",
                new TypeReference<Map<String, List<CaseView>>>() { }).get("items"), cases -> {
                    list.getChildren().clear();
                    if (cases.isEmpty()) {
                        list.getChildren().add(Ui.card(Ui.text(Texts.t("dialog.none"), "muted")));
                    }
                    cases.forEach(c -> list.getChildren().add(thread(c, list)));
                }, error -> list.getChildren().setAll(Ui.card(Ui.text(error, "error"))));
    }

    private Node thread(CaseView c, VBox list) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Texts.locale())
                .withZone(ZoneId.systemDefault());
        VBox messages = new VBox(6);
        if (c.comment() != null) {
            messages.getChildren().add(bubble(c.comment(), "customer", when.format(c.openedAt())));
        }
        for (CaseView.Message m : c.messages()) {
            messages.getChildren().add(bubble(m.text(), m.author(), when.format(m.at())));
        }
        TextField answer = new TextField();
        answer.setPromptText(Texts.t("dialog.answerPrompt"));
        answer.getStyleClass().add("dialog-answer");
        HBox.setHgrow(answer, Priority.ALWAYS);
        Button send = new Button(Texts.t("dialog.send"));
        send.getStyleClass().addAll("primary", "dialog-send");
        Label error = Ui.text("", "error");
        send.setOnAction(e -> {
            String text = answer.getText().strip();
            if (text.isEmpty()) {
                return;
            }
            send.setDisable(true);
            app.background(() -> app.ctx().connection().shopper().send("POST", "/api/me/inbox/" + c.id() + "/replies",
                    Map.of("text", text), Map.class), ok -> load(list), msg -> {
                        send.setDisable(false);
                        error.setText(msg);
                    });
        });
        VBox card = Ui.card(Ui.text(app.storeName(c.storeId()) + " · " + Texts.t("dialog.state." + c.state()), "h2"),
                messages, c.state().equals("closed") ? new Label() : new HBox(8, answer, send), error);
        card.getStyleClass().add("thread");
        return card;
    }

    private static Node bubble(String text, String author, String when) {
        VBox b = new VBox(2, Ui.text(text), Ui.text((author.equals("staff") ? Texts.t("dialog.store") : Texts.t("dialog.you"))
                + " · " + when, "muted"));
        b.getStyleClass().add(author.equals("staff") ? "message-staff" : "message-customer");
        b.setMaxWidth(300);
        HBox row = new HBox(b);
        row.setAlignment(author.equals("staff") ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        return row;
    }
}
