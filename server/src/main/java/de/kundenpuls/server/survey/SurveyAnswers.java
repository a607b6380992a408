package de.kundenpuls.server.survey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
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
                throw new InvalidFieldException("answers." + id, ProblemCode.NOT_A_QUESTION, survey.id(), survey.version());
            }
        }
        Map<String, String> normalized = new HashMap<>();
        for (Question q : survey.definition().questions()) {
            JsonNode answer = answers.get(q.id());
            boolean shown = q.shownGiven(answers);
            String field = "answers." + q.id();
            if (answer == null || answer.isNull()) {
                if (shown && q.required() && !survey.definition().allowPartial()) {
                    throw new InvalidFieldException(field, ProblemCode.REQUIRED);
                }
                continue;
            }
            if (!shown) {
                throw new InvalidFieldException(field, ProblemCode.SKIPPED_QUESTION, q.showIf().question());
            }
            switch (q.type()) {
                case "smiley" -> number(answer, field, 1, 5);
                case "nps" -> number(answer, field, 0, 10);
                case "ces" -> number(answer, field, 1, 7);
                case "single" -> option(answer, q, field);
                case "multiple" -> {
                    if (!answer.isArray() || answer.isEmpty()) {
                        throw new InvalidFieldException(field, ProblemCode.NOT_AN_OPTION_LIST);
                    }
                    Set<String> seen = new HashSet<>();
                    for (JsonNode item : answer) {
                        option(item, q, field);
                        if (!seen.add(item.textValue())) {
                            throw new InvalidFieldException(field, ProblemCode.OPTION_TWICE, item.textValue());
                        }
                    }
                }
                case "text" -> {
                    if (!answer.isTextual() || answer.textValue().length() > 2000) {
                        throw new InvalidFieldException(field, ProblemCode.TEXT_ANSWER_TOO_LONG, 2000);
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
            throw new InvalidFieldException(field, ProblemCode.WHOLE_NUMBER_RANGE, min, max);
        }
    }

    private static void option(JsonNode answer, Question q, String field) {
        if (!answer.isTextual() || q.options().stream().noneMatch(o -> o.id().equals(answer.textValue()))) {
            throw new InvalidFieldException(field, ProblemCode.NOT_AN_OPTION,
                    String.join(", ", q.options().stream().map(Question.Option::id).toList()));
        }
    }
}
