package de.kundenpuls.app.survey;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Smiley;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.survey.Question;

/**
 * The current question of a {@link SurveyFlow} with its answer controls: faces, a 0–10 or 1–7
 * scale, choices, or a text field. Tapping an answer moves on; the kiosk shows it in large type,
 * the app inside a card. Node ids start with a prefix ({@code kiosk-}, {@code survey-}).
 */
public final class QuestionView {

    private QuestionView() {
    }

    /**
     * @param flow       the flow, positioned on the question to show
     * @param prefix     node id prefix
     * @param faceRadius size of the faces
     * @param fontSize   size of the question text
     * @param next       called after the question was answered or skipped
     * @return the question with its controls
     */
    public static VBox of(SurveyFlow flow, String prefix, double faceRadius, double fontSize, Runnable next) {
        Question q = flow.current();
        String text = q.text().getOrDefault(Texts.lang(), q.text().get("de"));
        Label question = Ui.text(text, "survey-question");
        question.setId(prefix + "question");
        question.setStyle("-fx-font-size: " + Math.round(fontSize) + "px;");
        question.setAlignment(Pos.CENTER);
        question.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(fontSize * 0.8, question);
        box.setAlignment(Pos.CENTER);
        box.setId(prefix + "q-" + q.id());
        switch (q.type()) {
            case "smiley" -> box.getChildren().add(faces(flow, prefix, faceRadius, next));
            case "nps" -> box.getChildren().addAll(scale(flow, prefix, 0, 10, next), Ui.text(Texts.t("kiosk.npsHint"), "survey-hint"));
            case "ces" -> box.getChildren().addAll(scale(flow, prefix, 1, 7, next), Ui.text(Texts.t("kiosk.cesHint"), "survey-hint"));
            case "single", "multiple" -> box.getChildren().add(choices(flow, q, prefix, next));
            case "text" -> box.getChildren().add(freeText(flow, prefix, next));
            default -> throw new IllegalStateException(q.type());
        }
        if (!q.required() && !q.type().equals("multiple") && !q.type().equals("text")) {
            Button skip = new Button(Texts.t("kiosk.skip"));
            skip.setId(prefix + "skip");
            skip.getStyleClass().add("chip");
            skip.setOnAction(e -> next.run());
            box.getChildren().add(skip);
        }
        return box;
    }

    private static Node faces(SurveyFlow flow, String prefix, double radius, Runnable next) {
        HBox row = new HBox(8);
        row.getStyleClass().add("smiley-row");
        row.setAlignment(Pos.CENTER);
        for (int score = 1; score <= 5; score++) {
            int s = score;
            Button face = new Button();
            face.setGraphic(Smiley.face(score, radius));
            face.setId(prefix + "smiley-" + score);
            face.getStyleClass().add("smiley");
            face.setAccessibleText(Texts.t("feedback.score" + score));
            face.setOnAction(e -> {
                flow.answer(s);
                next.run();
            });
            row.getChildren().add(face);
        }
        return row;
    }

    private static Node scale(SurveyFlow flow, String prefix, int from, int to, Runnable next) {
        FlowPane row = new FlowPane(10, 10);
        row.setAlignment(Pos.CENTER);
        for (int v = from; v <= to; v++) {
            int value = v;
            Button b = new Button(String.valueOf(v));
            b.setId(prefix + "scale-" + v);
            b.getStyleClass().add("scale");
            b.setOnAction(e -> {
                flow.answer(value);
                next.run();
            });
            row.getChildren().add(b);
        }
        return row;
    }

    private static Node choices(SurveyFlow flow, Question q, String prefix, Runnable next) {
        FlowPane pane = new FlowPane(12, 12);
        pane.setAlignment(Pos.CENTER);
        List<ToggleButton> chosen = new ArrayList<>();
        for (Question.Option o : q.options()) {
            ToggleButton b = new ToggleButton(o.text().getOrDefault(Texts.lang(), o.text().get("de")));
            b.setId(prefix + "option-" + o.id());
            b.setUserData(o.id());
            b.getStyleClass().add("chip");
            if (q.type().equals("single")) {
                b.setOnAction(e -> {
                    flow.answer(List.of(o.id()));
                    next.run();
                });
            }
            chosen.add(b);
            pane.getChildren().add(b);
        }
        if (q.type().equals("single")) {
            return pane;
        }
        Button send = Ui.primary(Texts.t("kiosk.next"), prefix + "next");
        send.setOnAction(e -> {
            flow.answer(chosen.stream().filter(ToggleButton::isSelected).map(b -> (String) b.getUserData()).toList());
            next.run();
        });
        VBox box = new VBox(20, pane, send);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Node freeText(SurveyFlow flow, String prefix, Runnable next) {
        TextArea text = new TextArea();
        text.setId(prefix + "text");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        Button send = Ui.primary(Texts.t("kiosk.next"), prefix + "next");
        send.setOnAction(e -> {
            flow.answer(text.getText());
            next.run();
        });
        return new VBox(16, text, send);
    }
}
