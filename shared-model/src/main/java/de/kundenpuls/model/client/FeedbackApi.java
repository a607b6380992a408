package de.kundenpuls.model.client;

import java.util.List;
import java.util.Map;

import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;

/** Feedback capture: {@code POST /api/feedback/batch}. */
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
}
