package de.kundenpuls.app.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.Question;
import de.kundenpuls.model.survey.SurveyView;

/**
 * One person's way through a survey, on the kiosk or in the app: the questions still to show
 * (skip logic applied), the answers so far, and the answer as the server takes it. Without an
 * active survey the kiosk asks the built-in two questions: a face, then what it was about.
 */
public final class SurveyFlow {

    /** The built-in question ids (no survey). */
    public static final String MOOD = "mood";
    public static final String ABOUT = "about";
    public static final List<String> DIMENSIONS = List.of("quality", "availability", "value", "staff", "ambience");

    private final SurveyView survey;
    private final List<Question> questions;
    private final Map<String, JsonNode> answers = new LinkedHashMap<>();
    private Instant startedAt;
    private int position = -1;

    /**
     * @param survey       the active survey, or null for the built-in questions
     * @param builtInTexts texts of the built-in questions ({@code kiosk.mood}, {@code kiosk.about}, {@code dimension.*})
     * @param now          when the questions were shown; the answer is dated at the guest's first
     *                     answer, since a kiosk shows its first question long before anyone taps
     */
    public SurveyFlow(SurveyView survey, Map<String, String> builtInTexts, Instant now) {
        this.survey = survey;
        this.startedAt = now;
        this.questions = survey != null ? survey.definition().questions() : builtIn(builtInTexts);
    }

    private static List<Question> builtIn(Map<String, String> texts) {
        List<Question.Option> options = new ArrayList<>();
        for (String d : DIMENSIONS) {
            options.add(new Question.Option(d, Map.of("de", texts.get("dimension." + d))));
        }
        return List.of(new Question(MOOD, "smiley", Map.of("de", texts.get("kiosk.mood")), null, true, null),
                new Question(ABOUT, "multiple", Map.of("de", texts.get("kiosk.about")), options, false, null));
    }

    /** @return the survey, or null for the built-in questions */
    public SurveyView survey() {
        return survey;
    }

    /** @return whether the guest has answered anything */
    public boolean started() {
        return !answers.isEmpty();
    }

    /** @return whether an unfinished answer may be sent when the guest walks away */
    public boolean allowsPartial() {
        return survey == null || survey.definition().allowPartial();
    }

    /** @return whether every question to be shown has been shown */
    public boolean finished() {
        return position >= questions.size();
    }

    /** @return the answers given so far, by question id */
    public Map<String, JsonNode> answers() {
        return java.util.Collections.unmodifiableMap(answers);
    }

    /** @return the question shown now */
    public Question current() {
        return questions.get(position);
    }

    /** @return the position of the current question, from 1 */
    public int number() {
        return position + 1;
    }

    /**
     * Moves to the next question whose skip condition holds.
     *
     * @return the question, or empty when the guest is through
     */
    public Optional<Question> advance() {
        for (int i = position + 1; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (q.shownGiven(answers)) {
                position = i;
                return Optional.of(q);
            }
        }
        position = questions.size();
        return Optional.empty();
    }

    /**
     * @param value a number answer (smiley, nps, ces)
     */
    public void answer(int value) {
        put(JsonNodeFactory.instance.numberNode(value));
    }

    private void put(JsonNode value) {
        if (answers.isEmpty()) {
            startedAt = Instant.now();
        }
        answers.put(current().id(), value);
    }

    /**
     * @param optionIds the chosen options (single: one)
     */
    public void answer(List<String> optionIds) {
        if (current().type().equals("single")) {
            put(JsonNodeFactory.instance.textNode(optionIds.get(0)));
        } else if (!optionIds.isEmpty()) {
            var array = JsonNodeFactory.instance.arrayNode();
            optionIds.forEach(array::add);
            put(array);
        }
    }

    /**
     * @param text a free-text answer; blank means no answer
     */
    public void answer(String text) {
        if (text != null && !text.isBlank()) {
            put(JsonNodeFactory.instance.textNode(text.strip()));
        }
    }

    /**
     * The answer as the server's batch endpoint takes it. The first face, NPS and effort question
     * also fill the rating, NPS and CES the dashboards are built on.
     *
     * @param storeId    the kiosk's store
     * @param touchpoint the kiosk's touchpoint
     * @param deviceId   the kiosk
     * @return the answer
     */
    public FeedbackItem toItem(String storeId, String touchpoint, String deviceId) {
        Integer rating = null;
        Integer nps = null;
        Integer ces = null;
        String comment = null;
        for (Question q : questions) {
            JsonNode a = answers.get(q.id());
            if (a == null) {
                continue;
            }
            switch (q.type()) {
                case "smiley" -> rating = rating == null ? a.asInt() : rating;
                case "nps" -> nps = nps == null ? a.asInt() : nps;
                case "ces" -> ces = ces == null ? a.asInt() : ces;
                case "text" -> comment = comment == null ? a.asText() : comment;
                default -> { }
            }
        }
        if (survey == null) {
            Map<String, Integer> dims = new LinkedHashMap<>();
            JsonNode about = answers.get(ABOUT);
            if (about != null && rating != null) {
                for (JsonNode d : about) {
                    dims.put(d.asText(), rating);
                }
            }
            return new FeedbackItem(UUID.randomUUID(), storeId, touchpoint, startedAt, rating, null, null, dims, null, null,
                    null, null, null, deviceId);
        }
        return new FeedbackItem(UUID.randomUUID(), storeId, touchpoint, startedAt, rating, nps, ces, Map.of(), comment, null,
                survey.id(), survey.version(), answers, deviceId);
    }
}
