package de.kundenpuls.app.kiosk;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.app.AppContext;
import de.kundenpuls.app.Errors;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.client.KundenpulsClient;

/** Behind a staff member's own sign-in: the store's open follow-up cases with their threads, reply and close; leave the kiosk. */
final class StaffScreen extends BorderPane {

    private final AppContext ctx;
    private final KundenpulsClient staff;
    private final VBox list = new VBox(12);

    StaffScreen(AppContext ctx, KundenpulsClient staff, String where, Runnable backToGuests, Runnable exitKiosk) {
        this.ctx = ctx;
        this.staff = staff;
        setId("staff");
        getStyleClass().add("staff");
        Label title = new Label(Texts.t("staff.title"));
        title.getStyleClass().add("appbar-title");
        HBox bar = new HBox(title);
        bar.getStyleClass().add("appbar");
        setTop(bar);
        Button back = Ui.primary(Texts.t("staff.back"), "staff-back");
        back.setOnAction(e -> backToGuests.run());
        Button exit = Ui.secondary(Texts.t("staff.exit"), "staff-exit");
        exit.setOnAction(e -> {
            ctx.settings().unlockKiosk();
            exitKiosk.run();
        });
        list.setId("staff-cases");
        list.getChildren().add(Ui.text(Texts.t("loading"), "muted"));
        setCenter(Ui.page(Ui.card(Ui.text(where, "h2"), Ui.text(Texts.t("staff.intro"), "muted"), back, exit), setAside(), list));
        load();
    }

    /** The answers the server refused for good, with why: kept on the tablet for support, never resent. */
    private VBox setAside() {
        List<de.kundenpuls.app.sync.Outbox.SetAside> all = ctx.outbox().setAside();
        javafx.scene.control.Label title = Ui.text(Texts.t("staff.setAside", all.size()), "h2");
        title.setId("staff-set-aside-title");
        VBox card = Ui.card(title);
        card.setId("staff-set-aside");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Texts.locale())
                .withZone(ZoneId.systemDefault());
        for (var a : all) {
            String at = a.item() == null || a.item().createdAt() == null ? "?" : when.format(a.item().createdAt());
            javafx.scene.control.Label line = Ui.text(Texts.t("staff.setAsideItem", at, a.reason()), "muted");
            line.getStyleClass().add("set-aside-item");
            card.getChildren().add(line);
        }
        card.setVisible(!all.isEmpty());
        card.setManaged(!all.isEmpty());
        return card;
    }

    private KundenpulsClient staff() {
        return staff;
    }

    private void load() {
        Thread t = new Thread(() -> {
            try {
                List<CaseView> cases = staff().get("/api/cases?state=active",
                        new TypeReference<Map<String, List<CaseView>>>() { }).get("items");
                Platform.runLater(() -> show(cases));
            } catch (RuntimeException e) {
                Platform.runLater(() -> list.getChildren().setAll(Ui.card(Ui.text(Errors.inWords(e), "error"))));
            }
        }, "kundenpuls-staff");
        t.setDaemon(true);
        t.start();
    }

    private void show(List<CaseView> cases) {
        list.getChildren().clear();
        if (cases.isEmpty()) {
            list.getChildren().add(Ui.card(Ui.text(Texts.t("staff.none"), "muted")));
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Texts.locale())
                .withZone(ZoneId.systemDefault());
        for (CaseView c : cases) {
            VBox thread = new VBox(6);
            thread.getChildren().add(Ui.text((c.rating() == null ? "" : "★".repeat(c.rating()) + "  ")
                    + (c.comment() == null ? "" : "„" + c.comment() + "“"), "h2"));
            thread.getChildren().add(Ui.text(Texts.t("staff.opened", when.format(c.openedAt()), when.format(c.dueAt()))
                    + (c.overdue() ? " · " + Texts.t("staff.overdue") : ""), c.overdue() ? "bad" : "muted"));
            for (CaseView.Message m : c.messages()) {
                Label msg = Ui.text(m.text());
                VBox bubble = new VBox(2, msg, Ui.text(m.author().equals("staff") ? Texts.t("dialog.store") : Texts.t("staff.customer"), "muted"));
                bubble.getStyleClass().add(m.author().equals("staff") ? "message-staff" : "message-customer");
                thread.getChildren().add(bubble);
            }
            TextField reply = new TextField();
            reply.setPromptText(Texts.t("staff.replyPrompt"));
            reply.getStyleClass().add("staff-reply");
            HBox.setHgrow(reply, Priority.ALWAYS);
            Button send = new Button(Texts.t("dialog.send"));
            send.getStyleClass().addAll("primary", "staff-send");
            Button close = new Button(Texts.t("staff.close"));
            close.getStyleClass().addAll("secondary", "staff-close");
            Label error = Ui.text("", "error");
            send.setOnAction(e -> act(() -> staff().send("POST", "/api/cases/" + c.id() + "/replies",
                    Map.of("text", reply.getText().strip()), Map.class), error));
            close.setOnAction(e -> act(() -> staff().send("POST", "/api/cases/" + c.id() + "/close", null, Map.class), error));
            VBox card = Ui.card(thread, new HBox(8, reply, send), close, error);
            card.getStyleClass().add("case");
            list.getChildren().add(card);
        }
    }

    private void act(Runnable call, Label error) {
        Thread t = new Thread(() -> {
            try {
                call.run();
                load();
            } catch (RuntimeException e) {
                Platform.runLater(() -> error.setText(Errors.inWords(e)));
            }
        }, "kundenpuls-staff-action");
        t.setDaemon(true);
        t.start();
    }
}
