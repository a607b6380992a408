package de.kundenpuls.server.feedback;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stored answer. Immutable; erasure replaces it with an unlinked copy without the comment.
 *
 * @param id            the client-made id
 * @param storeId       where
 * @param touchpoint    the touchpoint
 * @param category      the product's category at capture time, or null
 * @param gtin          the product, or null
 * @param createdAt     when the customer answered
 * @param receivedAt    when the server stored it
 * @param rating        1–5 or null
 * @param nps           0–10 or null
 * @param ces           1–7 or null
 * @param dimensions    dimension → 1–5
 * @param comment       free text or null
 * @param surveyId      survey or null
 * @param surveyVersion its version or null
 * @param answers       question id → answer as JSON text
 * @param channel       {@code app} or {@code kiosk}
 * @param profileUid    the signed-in shopper, or null when anonymous
 */
public record FeedbackEntry(UUID id, String storeId, String touchpoint, String category, String gtin, Instant createdAt,
                            Instant receivedAt, Integer rating, Integer nps, Integer ces, Map<String, Integer> dimensions,
                            String comment, String surveyId, Integer surveyVersion, Map<String, String> answers,
                            String channel, String profileUid) {

    /** Copies the maps (no JDK immutable collections in stored data). */
    public FeedbackEntry {
        dimensions = Collections.unmodifiableMap(new HashMap<>(dimensions == null ? Map.of() : dimensions));
        answers = Collections.unmodifiableMap(new HashMap<>(answers == null ? Map.of() : answers));
    }

    /** Whether this answer is a detractor's: rating ≤ 2 or NPS ≤ 6. */
    public boolean unhappy() {
        return (rating != null && rating <= 2) || (nps != null && nps <= 6);
    }

    /** A copy that no longer points to a person and holds no free text. */
    public FeedbackEntry anonymized() {
        Map<String, String> keptAnswers = new HashMap<>(answers);
        return new FeedbackEntry(id, storeId, touchpoint, category, gtin, createdAt, receivedAt, rating, nps, ces, dimensions,
                null, surveyId, surveyVersion, keptAnswers, channel, null);
    }
}
