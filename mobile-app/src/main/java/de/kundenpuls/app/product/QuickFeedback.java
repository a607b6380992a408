package de.kundenpuls.app.product;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import de.kundenpuls.app.Errors;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.sync.Deliveries;
import de.kundenpuls.app.survey.QuestionView;
import de.kundenpuls.app.survey.SurveyFlow;
import de.kundenpuls.app.ui.Smiley;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.SurveyView;

/**
 * Feedback in three taps: a face, then (optionally) what it was about, then send. A comment is one
 * more tap away, and so is the active survey when there is one. The chosen dimensions get the
 * face's score: "the staff were why it was a 2".
 */
public final class QuickFeedback extends VBox {

    /** The dimensions a shopper can pick, functional first. */
    static final List<String> DIMENSIONS = List.of("quality", "availability", "value", "staff", "ambience");

    private final ToggleGroup faces = new ToggleGroup();
    private final Map<String, ToggleButton> chips = new LinkedHashMap<>();
    private final TextArea comment = new TextArea();
    private final Label done = Ui.text("", "muted");
    private final VBox surveyArea = new VBox(10);
    private SurveyFlow survey;

    /**
     * @param storeId    where the experience happened
     * @param touchpoint which touchpoint ({@code shelf} when rating a product, {@code app} otherwise)
     * @param gtin       the product, or null
     * @param deviceId   this installation
     * @param sink       keeps the answer (the outbox)
     * @param deliveries tells this card what became of its answer
     */
    public QuickFeedback(String storeId, String touchpoint, String gtin, String deviceId, Consumer<FeedbackItem> sink,
                         Deliveries deliveries) {
        super(12);
        getStyleClass().add("card");
        setId("feedback");
        HBox row = new HBox(4);
        row.setAlignment(Pos.CENTER);
        for (int score = 1; score <= 5; score++) {
            ToggleButton face = new ToggleButton();
            face.setGraphic(Smiley.face(score, 22));
            face.setId("smiley-" + score);
            face.setUserData(score);
            face.getStyleClass().add("smiley");
            face.setToggleGroup(faces);
            face.setAccessibleText(Texts.t("feedback.score" + score));
            row.getChildren().add(face);
        }
        FlowPane chipPane = new FlowPane(8, 8);
        for (String d : DIMENSIONS) {
            ToggleButton chip = new ToggleButton(Texts.t("dimension." + d));
            chip.setId("chip-" + d);
            chip.getStyleClass().add("chip");
            chips.put(d, chip);
            chipPane.getChildren().add(chip);
        }
        comment.setId("feedback-comment");
        comment.setPromptText(Texts.t("feedback.commentPrompt"));
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.setVisible(false);
        comment.setManaged(false);
        Hyperlink addComment = new Hyperlink(Texts.t("feedback.addComment"));
        addComment.setId("feedback-add-comment");
        addComment.setOnAction(e -> {
            comment.setVisible(true);
            comment.setManaged(true);
            addComment.setVisible(false);
            addComment.setManaged(false);
            comment.requestFocus();
        });
        Button send = Ui.primary(Texts.t("feedback.send"), "feedback-send");
        send.disableProperty().bind(faces.selectedToggleProperty().isNull());
        surveyArea.setId("feedback-survey");
        surveyArea.setVisible(false);
        surveyArea.managedProperty().bind(surveyArea.visibleProperty());
        VBox details = new VBox(10, Ui.text(Texts.t("feedback.about"), "muted"), chipPane, addComment, comment, surveyArea, send);
        details.visibleProperty().bind(faces.selectedToggleProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        // Three taps without scrolling: once a face is picked, "Send" comes into view.
        faces.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                Platform.runLater(() -> Ui.reveal(send));
            }
        });
        done.setId("feedback-done");
        send.setOnAction(e -> {
            int score = (Integer) faces.getSelectedToggle().getUserData();
            Map<String, Integer> dims = new LinkedHashMap<>();
            chips.forEach((d, chip) -> {
                if (chip.isSelected()) {
                    dims.put(d, score);
                }
            });
            String text = comment.getText() == null || comment.getText().isBlank() ? null : comment.getText().strip();
            // Survey answers travel with the rating; an unfinished survey only if it allows that.
            boolean withSurvey = survey != null && survey.started() && (survey.finished() || survey.allowsPartial());
            FeedbackItem item = new FeedbackItem(UUID.randomUUID(), storeId, touchpoint, Instant.now(), score, null, null, dims,
                    text, gtin == null ? null : Gtin.of(gtin), withSurvey ? survey.survey().id() : null,
                    withSurvey ? survey.survey().version() : null, withSurvey ? survey.answers() : null, deviceId);
            // Only what is true: kept on the phone and on its way, then sent, or not counted and why.
            done.setText(Texts.t("feedback.queued"));
            getChildren().setAll(Ui.text(Texts.t("feedback.heading"), "h2"), done);
            deliveries.watch(item.id(), outcome -> Platform.runLater(() -> {
                done.getStyleClass().removeAll("good", "bad");
                done.getStyleClass().add(outcome.sent() ? "good" : "bad");
                done.setText(outcome.sent() ? Texts.t("feedback.thanks") : Errors.refused(outcome.problem()));
            }));
            sink.accept(item);
        });
        getChildren().addAll(Ui.text(Texts.t("feedback.heading"), "h2"), row, details);
    }

    /**
     * Offers the active survey of this store and touchpoint as an optional part of the feedback.
     *
     * @param active the survey
     */
    public void offerSurvey(SurveyView active) {
        if (active == null) {
            return;
        }
        Hyperlink open = new Hyperlink(Texts.t("feedback.survey", active.definition().questions().size()));
        open.setId("feedback-open-survey");
        open.setOnAction(e -> {
            survey = new SurveyFlow(active, Map.of(), Instant.now());
            survey.advance();
            showSurveyQuestion();
        });
        surveyArea.getChildren().setAll(open);
        surveyArea.setVisible(true);
    }

    private void showSurveyQuestion() {
        if (survey.finished()) {
            Label finished = Ui.text(Texts.t("feedback.surveyDone"), "good");
            finished.setId("feedback-survey-done");
            surveyArea.getChildren().setAll(finished);
            return;
        }
        VBox question = QuestionView.of(survey, "survey-", 20, 17, () -> {
            survey.advance();
            showSurveyQuestion();
        });
        question.getStyleClass().add("survey-inline");
        surveyArea.getChildren().setAll(question);
    }
}
