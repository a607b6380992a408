package de.kundenpuls.model.feedback;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * One answer captured by the app or a kiosk, possibly offline days ago.
 *
 * @param id            a UUID made by the client: a retry with the same id is never a second answer
 * @param storeId       where
 * @param touchpoint    at which stage of the journey (e.g. {@code checkout})
 * @param createdAt     when the customer answered (device clock)
 * @param rating        smiley 1–5
 * @param nps           likelihood to recommend 0–10
 * @param ces           customer effort 1–7
 * @param dimensions    functional ({@code quality}, {@code availability}, {@code reliability},
 *                      {@code usefulness}, {@code value}) and emotional ({@code staff}, {@code ambience})
 *                      scores 1–5
 * @param comment       free text
 * @param gtin          the product it is about
 * @param surveyId      the survey answered
 * @param surveyVersion the version of that survey
 * @param answers       question id → answer (number, text or list of option ids)
 * @param deviceId      the app installation or kiosk that captured it (for the button-mashing interval)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackItem(UUID id, String storeId, String touchpoint, Instant createdAt, Integer rating, Integer nps,
                           Integer ces, Map<String, Integer> dimensions, String comment, Gtin gtin, String surveyId,
                           Integer surveyVersion, Map<String, JsonNode> answers, String deviceId) {

    /** The functional dimensions of an experience. */
    public static final Set<String> FUNCTIONAL = Set.of("quality", "availability", "reliability", "usefulness", "value");
    /** The emotional dimensions of an experience. */
    public static final Set<String> EMOTIONAL = Set.of("staff", "ambience");

    /** Validates every field. */
    public FeedbackItem {
        InvalidFieldException.required(id, "id");
        InvalidFieldException.requiredText(storeId, "storeId", 64);
        InvalidFieldException.requiredText(touchpoint, "touchpoint", 64);
        InvalidFieldException.required(createdAt, "createdAt");
        InvalidFieldException.range(rating, "rating", 1, 5);
        InvalidFieldException.range(nps, "nps", 0, 10);
        InvalidFieldException.range(ces, "ces", 1, 7);
        Map<String, Integer> dims = new LinkedHashMap<>();
        if (dimensions != null) {
            for (Map.Entry<String, Integer> e : dimensions.entrySet()) {
                if (!FUNCTIONAL.contains(e.getKey()) && !EMOTIONAL.contains(e.getKey())) {
                    throw new InvalidFieldException("dimensions." + e.getKey(),
                            ProblemCode.NOT_A_DIMENSION,
                            "quality, availability, reliability, usefulness, value, staff, ambience");
                }
                InvalidFieldException.required(e.getValue(), "dimensions." + e.getKey());
                InvalidFieldException.range(e.getValue(), "dimensions." + e.getKey(), 1, 5);
                dims.put(e.getKey(), e.getValue());
            }
        }
        dimensions = Collections.unmodifiableMap(dims);
        comment = InvalidFieldException.optionalText(comment, "comment", 2000);
        surveyId = InvalidFieldException.optionalText(surveyId, "surveyId", 64);
        if (surveyId != null && surveyVersion == null) {
            throw new InvalidFieldException("surveyVersion", ProblemCode.REQUIRED_WITH, "surveyId");
        }
        if (surveyId == null && answers != null && !answers.isEmpty()) {
            throw new InvalidFieldException("answers", ProblemCode.ANSWERS_NEED_SURVEY);
        }
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers == null ? Map.of() : answers));
        deviceId = InvalidFieldException.optionalText(deviceId, "deviceId", 128);
        if (rating == null && nps == null && ces == null && dimensions.isEmpty() && comment == null && answers.isEmpty()) {
            throw new InvalidFieldException("rating", ProblemCode.ANSWER_EMPTY);
        }
    }
}
