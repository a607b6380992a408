package de.kundenpuls.server.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.feedback.FeedbackItem;

/** Builds feedback items for tests. */
public final class Items {

    static final String STORE = "berlin-mitte";
    static final String MILK = "4013456000018";

    private Items() {
    }

    static FeedbackItem rating(int rating, String comment) {
        return new FeedbackItem(UUID.randomUUID(), STORE, "checkout", Instant.now().minusSeconds(60), rating, null, null,
                Map.of(), comment, null, null, null, null, null);
    }

    /**
     * An answer with every field given.
     *
     * @param store      store
     * @param touchpoint touchpoint
     * @param at         createdAt
     * @param rating     rating
     * @param nps        NPS
     * @param ces        CES
     * @param dims       dimension ratings
     * @param comment    comment
     * @param gtin       product
     * @param deviceId   device
     * @return the item
     */
    public static FeedbackItem full(String store, String touchpoint, Instant at, Integer rating, Integer nps, Integer ces,
                             Map<String, Integer> dims, String comment, String gtin, String deviceId) {
        return new FeedbackItem(UUID.randomUUID(), store, touchpoint, at, rating, nps, ces, dims, comment,
                gtin == null ? null : Gtin.of(gtin), null, null, null, deviceId);
    }
}
