package de.kundenpuls.app.kiosk;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import de.kundenpuls.app.AppContext;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.survey.QuestionView;
import de.kundenpuls.app.survey.SurveyFlow;
import de.kundenpuls.app.ui.Smiley;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.SurveyView;

/**
 * The feedback kiosk on a store tablet: locked to one store and touchpoint, one large question at
 * a time, a thank-you, then back to the start. A guest who walks away mid-way is reset after the
 * idle timeout; a new answer can start only after the minimum interval (against button mashing).
 * The lock opens with the staff PIN.
 */
public final class KioskApp extends StackPane {

    private final AppContext ctx;
    private final Runnable exitKiosk;
    private final String storeId;
    private final String touchpoint;
    private final BorderPane frame = new BorderPane();
    private final PauseTransition idle;
    private SurveyView survey;
    private SurveyFlow flow;
    private Instant nextAllowed = Instant.EPOCH;
    private String storeName;
    private final Label pleaseWait = new Label(Texts.t("kiosk.wait"));
    /** The rest of the minimum interval; one at a time, so an idle reset cannot end it early. */
    private final PauseTransition intervalRest = new PauseTransition();
    /** The question on screen, to lay out again when the size changes; null while none is. */
    private VBox showing;

    /**
     * @param ctx       shared services
     * @param exitKiosk turns the device back into the shopper app (after the PIN)
     */
    public KioskApp(AppContext ctx, Runnable exitKiosk) {
        this.ctx = ctx;
        this.exitKiosk = exitKiosk;
        this.storeId = ctx.settings().kioskStore().orElseThrow();
        this.touchpoint = ctx.settings().kioskTouchpoint().orElseThrow();
        this.storeName = storeId;
        getStyleClass().add("kiosk");
        setId("kiosk");
        idle = new PauseTransition(Duration.millis(ctx.config().kioskIdle().toMillis()));
        idle.setOnFinished(e -> walkedAway());
        // Every touch or key press restarts the idle clock.
        addEventFilter(InputEvent.ANY, this::touched);
        widthProperty().addListener((o, was, is) -> resized());
        heightProperty().addListener((o, was, is) -> resized());
        Label pending = new Label();
        pending.setId("kiosk-pending");
        pending.getStyleClass().add("kiosk-status");
        pending.textProperty().bind(ctx.pending().asString(Texts.t("kiosk.pending")));
        pending.visibleProperty().bind(ctx.pending().greaterThan(0));
        Label where = new Label();
        where.setId("kiosk-where");
        where.getStyleClass().add("kiosk-status");
        Button lock = new Button(Texts.t("kiosk.staff"));
        lock.setId("kiosk-lock");
        lock.getStyleClass().add("kiosk-lock");
        lock.setMinWidth(Region.USE_PREF_SIZE);
        pending.setMinWidth(Region.USE_PREF_SIZE);
        lock.setOnAction(e -> askPin());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, pending, gap, lock);
        top.setAlignment(Pos.CENTER_LEFT);
        frame.setTop(top);
        // Where the kiosk stands, small at the bottom: for staff, not for guests.
        pleaseWait.setId("kiosk-wait");
        pleaseWait.getStyleClass().add("kiosk-hint");
        pleaseWait.setVisible(false);
        VBox bottom = new VBox(16, pleaseWait, where);
        bottom.setAlignment(Pos.CENTER);
        frame.setBottom(bottom);
        getChildren().add(frame);
        // Revoked in the console: guests are told no more answers are taken; staff can still leave.
        ctx.revoked().addListener((o, was, is) -> {
            if (is) {
                showRevoked();
            }
        });
        loadSurvey(where);
    }

    private void touched(Event e) {
        if (flow != null && flow.started()) {
            idle.playFromStart();
        }
    }

    private void loadSurvey(Label where) {
        Thread t = new Thread(() -> {
            SurveyView found = null;
            String sName = storeId;
            String tName = touchpoint;
            try {
                var client = ctx.connection().anonymous();
                found = client.feedback().activeSurvey(storeId, touchpoint, null).orElse(null);
                sName = client.catalog().stores().stream().filter(s -> s.id().equals(storeId)).map(s -> s.name())
                        .findFirst().orElse(storeId);
                tName = client.catalog().touchpoints(storeId, Texts.lang()).stream().filter(tp -> tp.id().equals(touchpoint))
                        .map(tp -> tp.name()).findFirst().orElse(touchpoint);
            } catch (RuntimeException offline) {
                // Offline at start: the built-in questions work without the server.
            }
            SurveyView s = found;
            String name = sName + " · " + tName;
            javafx.application.Platform.runLater(() -> {
                survey = s;
                storeName = name;
                where.setText(name);
                start();
            });
        }, "kundenpuls-kiosk-survey");
        t.setDaemon(true);
        t.start();
    }

    /** Revoked in the console: no more questions, only the notice (staff can still leave with the PIN). */
    private void showRevoked() {
        idle.stop();
        intervalRest.stop();
        pleaseWait.setVisible(false);
        Label revoked = Ui.text(Texts.t("kiosk.revoked"), "kiosk-notice");
        revoked.setId("kiosk-revoked");
        revoked.setWrapText(true);
        revoked.setAlignment(Pos.CENTER);
        revoked.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        frame.setCenter(revoked);
    }

    /** Shows the first question to a new guest. */
    private void start() {
        if (ctx.revoked().get()) {
            showRevoked();
            return;
        }
        idle.stop();
        flow = new SurveyFlow(survey, builtInTexts(), Instant.now());
        flow.advance();
        Instant now = Instant.now();
        boolean tooSoon = now.isBefore(nextAllowed);
        // Too soon after the last answer: the question arrives disabled (never clickable for a moment)
        // and its buttons wake up when the interval is over.
        Node center = question(tooSoon);
        frame.setCenter(center);
        intervalRest.stop();
        pleaseWait.setVisible(tooSoon);
        if (tooSoon) {
            intervalRest.setDuration(Duration.millis(java.time.Duration.between(now, nextAllowed).toMillis()));
            intervalRest.setOnFinished(e -> {
                pleaseWait.setVisible(false);
                // The question on screen now: a resize meanwhile laid it out anew.
                if (showing != null) {
                    showing.setDisable(false);
                }
            });
            intervalRest.play();
        }
    }

    private Map<String, String> builtInTexts() {
        Map<String, String> texts = new HashMap<>();
        texts.put("kiosk.mood", Texts.t("kiosk.mood"));
        texts.put("kiosk.about", Texts.t("kiosk.about"));
        SurveyFlow.DIMENSIONS.forEach(d -> texts.put("dimension." + d, Texts.t("dimension." + d)));
        return texts;
    }

    private void showQuestion() {
        frame.setCenter(question(false));
    }

    private Node question(boolean disabled) {
        // Scaled to the screen, as HappyOrNot terminals are: huge, evenly spaced answers and the
        // question in large type on a tablet at arm's length, still fitting on a phone.
        double w = width();
        double font = Math.max(22, Math.min(56, Math.min(w / 20, height() / 12)));
        VBox view = QuestionView.of(flow, "kiosk-", faceRadius(), font, this::next);
        double gap = Math.max(8, w / 60);
        view.lookupAll(".smiley-row").forEach(n -> ((HBox) n).setSpacing(gap));
        // The eleven NPS buttons (or seven CES) share the width like the faces.
        double side = Math.max(48, Math.min(140, (w - 2 * 20 - 10 * 10) / 11.5));
        view.lookupAll(".scale").forEach(n -> {
            Region b = (Region) n;
            b.setMinSize(side, side);
            b.setStyle("-fx-font-size: " + Math.round(side * 0.4) + "px;");
        });
        String chipFont = "-fx-font-size: " + Math.round(Math.max(20, font * 0.6)) + "px; -fx-min-height: " + Math.round(Math.max(64, font * 1.6)) + ";";
        view.lookupAll(".chip").forEach(n -> n.setStyle(chipFont));
        view.lookupAll(".primary").forEach(n -> {
            Region b = (Region) n;
            b.setMaxWidth(Math.min(w * 0.5, 640));
            b.setStyle("-fx-font-size: " + Math.round(Math.max(22, font * 0.6)) + "px; -fx-min-height: " + Math.round(Math.max(68, font * 1.6)) + ";");
        });
        view.setDisable(disabled);
        showing = view;
        return view;
    }

    /** The kiosk's width; before the first layout, the scene's. */
    private double width() {
        return getWidth() > 0 ? getWidth() : getScene() != null ? getScene().getWidth() : 390;
    }

    private double height() {
        return getHeight() > 0 ? getHeight() : getScene() != null ? getScene().getHeight() : 844;
    }

    /** Five faces side by side fill the width; on a wide screen the height bounds them. */
    private double faceRadius() {
        double w = width();
        return Math.max(20, Math.min((w - 2 * 20 - 4 * Math.max(8, w / 60)) / 10 - 6, height() / 7));
    }

    /** A new size (a tablet turned, a window resized): the question on screen is laid out again. */
    private void resized() {
        if (showing != null && frame.getCenter() == showing && flow != null) {
            frame.setCenter(question(showing.isDisabled()));
        }
    }

    private void next() {
        if (flow.advance().isPresent()) {
            showQuestion();
        } else {
            submit();
        }
    }

    private void submit() {
        idle.stop();
        FeedbackItem item = flow.toItem(storeId, touchpoint, ctx.settings().deviceId());
        // On the device first; the sync sends it when the network lets it.
        ctx.outbox().add(item);
        ctx.pending().set(ctx.outbox().size());
        ctx.sync().kick();
        nextAllowed = Instant.now().plus(ctx.config().kioskInterval());
        thankYou();
    }

    private void thankYou() {
        Label big = Ui.text(Texts.t("kiosk.thanks"), "kiosk-big");
        Label small = Ui.text(Texts.t("kiosk.thanksHint"), "kiosk-hint");
        VBox box = new VBox(20, Smiley.face(5, Math.max(60, faceRadius() * 0.8)), big, small);
        box.setAlignment(Pos.CENTER);
        box.setId("kiosk-thanks");
        frame.setCenter(box);
        PauseTransition back = new PauseTransition(Duration.millis(ctx.config().thankYou().toMillis()));
        back.setOnFinished(e -> start());
        back.play();
    }

    /** The guest left without finishing: drop the answer, or send what there is if the survey allows it. */
    private void walkedAway() {
        if (flow == null || !flow.started()) {
            return;
        }
        if (flow.allowsPartial()) {
            submitPartial();
        } else {
            start();
        }
    }

    private void submitPartial() {
        FeedbackItem item = flow.toItem(storeId, touchpoint, ctx.settings().deviceId());
        if (item.rating() == null && item.nps() == null && item.ces() == null && item.answers().isEmpty()) {
            start();
            return;
        }
        ctx.outbox().add(item);
        ctx.pending().set(ctx.outbox().size());
        ctx.sync().kick();
        nextAllowed = Instant.now().plus(ctx.config().kioskInterval());
        start();
    }

    private void askPin() {
        idle.stop();
        // Staff interrupted: whatever a guest left unfinished is dropped.
        flow = null;
        Runnable backToGuests = () -> {
            getStyleClass().add("kiosk");
            getChildren().setAll(frame);
            start();
        };
        // The staff area is an ordinary app screen, not the guests' large-type kiosk.
        getStyleClass().remove("kiosk");
        StaffSignIn signIn = new StaffSignIn(ctx, storeId, staff -> getChildren().setAll(
                new StaffScreen(ctx, staff, storeName, backToGuests, exitKiosk)), backToGuests);
        getChildren().setAll(Ui.page(Ui.card(signIn)));
    }
}
