package de.kundenpuls.server.survey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.survey.Question;
import de.kundenpuls.model.survey.SurveyView;

/** Checks answers against the survey version they answered, including its skip logic. */
public final class SurveyAnswers {

    private SurveyAnswers() {
    }

    /**
     * Validates answers.
     *
     * @param survey  the answered version
     * @param answers question id → answer
     * @return question id → the answer for storage: a number or text as itself, a multiple choice as a JSON list
     * @throws InvalidFieldException naming {@code answers.<question>} when an answer is wrong
     */
    public static Map<String, String> validate(SurveyView survey, Map<String, JsonNode> answers) {
        Map<String, Question> byId = new HashMap<>();
        survey.definition().questions().forEach(q -> byId.put(q.id(), q));
        for (String id : answers.keySet()) {
            if (!byId.containsKey(id)) {
                throw new InvalidFieldException("answers." + id, "is not a question of survey " + survey.id() + " v" + survey.version());
            }
        }
        Map<String, String> normalized = new HashMap<>();
        for (Question q : survey.definition().questions()) {
            JsonNode answer = answers.get(q.id());
            boolean shown = q.shownGiven(answers);
            String field = "answers." + q.id();
            if (answer == null || answer.isNull()) {
                if (shown && q.required() && !survey.definition().allowPartial()) {
                    throw new InvalidFieldException(field, "is required");
                }
                continue;
            }
            if (!shown) {
                throw new InvalidFieldException(field, "must not be answered: its skip condition on '" + q.showIf().question()
                        + "' is not met");
            }
            switch (q.type()) {
                case "smiley" -> number(answer, field, 1, 5);
                case "nps" -> number(answer, field, 0, 10);
                case "ces" -> number(answer, field, 1, 7);
                case "single" -> option(answer, q, field);
                case "multiple" -> {
                    if (!answer.isArray() || answer.isEmpty()) {
                        throw new InvalidFieldException(field, "must be a non-empty list of option ids");
                    }
                    Set<String> seen = new HashSet<>();
                    for (JsonNode item : answer) {
                        option(item, q, field);
                        if (!seen.add(item.textValue())) {
                            throw new InvalidFieldException(field, "names option '" + item.textValue() + "' twice");
                        }
                    }
                }
                case "text" -> {
                    if (!answer.isTextual() || answer.textValue().length() > 2000) {
                        throw new InvalidFieldException(field, "must be a text of at most 2000 characters");
                    }
                }
                default -> throw new IllegalStateException(q.type());
            }
            // Stored readable: a number or text as itself ("9", "coffee"), a multiple choice as a JSON list.
            normalized.put(q.id(), answer.isArray() ? answer.toString() : answer.asText());
        }
        return normalized;
    }

    private static void number(JsonNode answer, String field, int min, int max) {
        if (!answer.isInt() || answer.intValue() < min || answer.intValue() > max) {
            throw new InvalidFieldException(field, "must be a whole number from " + min + " to " + max);
        }
    }

    private static void option(JsonNode answer, Question q, String field) {
        if (!answer.isTextual() || q.options().stream().noneMatch(o -> o.id().equals(answer.textValue()))) {
            throw new InvalidFieldException(field, "must be one of the option ids "
                    + q.options().stream().map(Question.Option::id).toList());
        }
    }
}
