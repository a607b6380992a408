package de.kundenpuls.model.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * What a marketer writes: questions, targeting and the active period. Each save makes a new
 * version; answers refer to the version they answered.
 *
 * @param name         internal name
 * @param questions    the questions in order
 * @param targeting    where it is shown
 * @param activeFrom   start, or null for now
 * @param activeTo     end, or null for open-ended
 * @param allowPartial whether a kiosk may submit an unfinished answer after the idle timeout
 */
public record SurveyDefinition(String name, List<Question> questions, Targeting targeting, Instant activeFrom,
                               Instant activeTo, Boolean allowPartial) {

    /** Validates the survey, including that skip logic only refers to earlier questions. */
    public SurveyDefinition {
        allowPartial = allowPartial != null && allowPartial;
        name = InvalidFieldException.requiredText(name, "name", 200);
        if (questions == null || questions.isEmpty()) {
            throw new InvalidFieldException("questions", ProblemCode.SURVEY_NEEDS_QUESTION);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (q == null) {
                throw new InvalidFieldException("questions[" + i + "]", ProblemCode.EMPTY);
            }
            if (q.showIf() != null && !seen.contains(q.showIf().question())) {
                throw new InvalidFieldException("questions[" + i + "].showIf.question",
                        ProblemCode.SHOW_IF_NOT_EARLIER, q.showIf().question());
            }
            if (!seen.add(q.id())) {
                throw new InvalidFieldException("questions[" + i + "].id", ProblemCode.APPEARS_TWICE, q.id());
            }
        }
        questions = Collections.unmodifiableList(new ArrayList<>(questions));
        targeting = targeting == null ? new Targeting(List.of(), List.of(), List.of()) : targeting;
        if (activeFrom != null && activeTo != null && !activeTo.isAfter(activeFrom)) {
            throw new InvalidFieldException("activeTo", ProblemCode.BEFORE_START, "activeFrom");
        }
    }

    /**
     * Where a survey is shown; an empty list means "any".
     *
     * @param storeIds    stores
     * @param touchpoints touchpoints
     * @param categories  product categories
     */
    public record Targeting(List<String> storeIds, List<String> touchpoints, List<String> categories) {
        /** Copies the lists. */
        public Targeting {
            storeIds = Collections.unmodifiableList(new ArrayList<>(storeIds == null ? List.of() : storeIds));
            touchpoints = Collections.unmodifiableList(new ArrayList<>(touchpoints == null ? List.of() : touchpoints));
            categories = Collections.unmodifiableList(new ArrayList<>(categories == null ? List.of() : categories));
        }
    }
}
