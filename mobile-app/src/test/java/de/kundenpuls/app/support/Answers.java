package de.kundenpuls.app.support;

import java.time.LocalDate;

import de.kundenpuls.model.analytics.ScoreReport;

/** What the server has stored, asked through its analytics API as a marketer. */
public final class Answers {

    private Answers() {
    }

    /**
     * @param server     the server
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @return how many answers the server stored for them in the last four weeks
     */
    public static long count(RealServer server, String storeId, String touchpoint) {
        return count(server.as("marketer", null), storeId, touchpoint);
    }

    /**
     * @param insight    a client signed in as marketer or admin
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @return how many answers the server stored for them in the last four weeks
     */
    public static long count(de.kundenpuls.model.client.KundenpulsClient insight, String storeId, String touchpoint) {
        // "to" is a day ahead: the store's local date may already be tomorrow in UTC terms.
        return insight.get("/api/analytics/scores?storeId=" + storeId + "&touchpoint=" + touchpoint
                + "&to=" + LocalDate.now().plusDays(1), ScoreReport.class).count();
    }
}
