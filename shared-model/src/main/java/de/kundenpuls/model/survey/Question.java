package de.kundenpuls.model.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * A survey question.
 *
 * @param id       stable id within the survey, e.g. {@code q1}
 * @param type     {@code smiley} (1–5), {@code nps} (0–10), {@code ces} (1–7), {@code single},
 *                 {@code multiple} or {@code text}
 * @param text     question text per language (de required, en)
 * @param options  choices for single and multiple choice
 * @param required whether it must be answered when shown
 * @param showIf   skip logic: show only when another question's answer matches
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(String id, String type, Map<String, String> text, List<Option> options, Boolean required,
                       ShowIf showIf) {

    /** The question types. */
    public static final Set<String> TYPES = Set.of("smiley", "nps", "ces", "single", "multiple", "text");

    /** Validates the question; {@code required} defaults to false. */
    public Question {
        required = required != null && required;
        id = InvalidFieldException.requiredText(id, "id", 32);
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidFieldException("id", ProblemCode.NOT_AN_IDENTIFIER);
        }
        if (type == null || !TYPES.contains(type)) {
            throw new InvalidFieldException("type", ProblemCode.NOT_ONE_OF, "smiley, nps, ces, single, multiple, text");
        }
        if (text == null || text.get("de") == null || text.get("de").isBlank()) {
            throw new InvalidFieldException("text.de", ProblemCode.REQUIRED);
        }
        for (String lang : text.keySet()) {
            if (!lang.equals("de") && !lang.equals("en")) {
                throw new InvalidFieldException("text." + lang, ProblemCode.LANGUAGE_UNSUPPORTED);
            }
        }
        text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
        boolean choice = type.equals("single") || type.equals("multiple");
        if (choice && (options == null || options.size() < 2)) {
            throw new InvalidFieldException("options", ProblemCode.CHOICE_NEEDS_OPTIONS);
        }
        if (!choice && options != null && !options.isEmpty()) {
            throw new InvalidFieldException("options", ProblemCode.OPTIONS_ONLY_FOR_CHOICE);
        }
        Set<String> optionIds = new HashSet<>();
        for (Option o : options == null ? List.<Option>of() : options) {
            if (!optionIds.add(o.id())) {
                throw new InvalidFieldException("options", ProblemCode.APPEARS_TWICE, o.id());
            }
        }
        options = Collections.unmodifiableList(new ArrayList<>(options == null ? List.of() : options));
    }

    /**
     * A choice.
     *
     * @param id   stable id
     * @param text label per language
     */
    public record Option(String id, Map<String, String> text) {
        /** Validates the option. */
        public Option {
            id = InvalidFieldException.requiredText(id, "id", 32);
            if (text == null || text.get("de") == null || text.get("de").isBlank()) {
                throw new InvalidFieldException("text.de", ProblemCode.REQUIRED);
            }
            text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
        }
    }

    /**
     * The skip logic, the same in the app that asks and on the server that checks: a question with
     * a rule is shown only when the earlier answer it names is (or, for multiple choice, contains)
     * one of the listed values.
     *
     * @param answers the answers so far, by question id
     * @return whether this question is shown
     */
    public boolean shownGiven(Map<String, JsonNode> answers) {
        if (showIf == null) {
            return true;
        }
        JsonNode earlier = answers.get(showIf.question());
        if (earlier == null || earlier.isNull()) {
            return false;
        }
        if (earlier.isArray()) {
            for (JsonNode item : earlier) {
                if (showIf.anyOf().contains(item.asText())) {
                    return true;
                }
            }
            return false;
        }
        return showIf.anyOf().contains(earlier.asText());
    }

    /**
     * Skip logic: the question is shown only when the answer to {@code question} is one of
     * {@code anyOf} (numbers as text, option ids for choices).
     *
     * @param question the earlier question's id
     * @param anyOf    the matching answers
     */
    public record ShowIf(String question, List<String> anyOf) {
        /** Validates the rule. */
        public ShowIf {
            question = InvalidFieldException.requiredText(question, "question", 32);
            if (anyOf == null || anyOf.isEmpty()) {
                throw new InvalidFieldException("anyOf", ProblemCode.NEEDS_VALUE);
            }
            anyOf = Collections.unmodifiableList(new ArrayList<>(anyOf));
        }
    }
}
