package de.kundenpuls.model.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.SurveyView;

/** Feedback capture ({@code POST /api/feedback/batch}) and the survey to ask with it. */
public final class FeedbackApi {

    private final KundenpulsClient client;

    FeedbackApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * Sends a batch; safe to retry with the same items.
     *
     * @param items the answers
     * @return one result per item, in order
     */
    public BatchResult send(List<FeedbackItem> items) {
        return client.send("POST", "/api/feedback/batch", Map.of("items", items), BatchResult.class);
    }

    /**
     * The survey to ask at a touchpoint: {@code GET /api/surveys/active}.
     *
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @param gtin       the product being rated, or null
     * @return the most specific active survey, or empty when there is none
     */
    public Optional<SurveyView> activeSurvey(String storeId, String touchpoint, String gtin) {
        String query = "storeId=" + encode(storeId) + "&touchpoint=" + encode(touchpoint)
                + (gtin == null ? "" : "&gtin=" + encode(gtin));
        return Optional.ofNullable(client.get("/api/surveys/active?" + query, SurveyView.class));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
