package de.kundenpuls.model.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.model.analytics.AlertView;
import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.analytics.ScoreTarget;
import de.kundenpuls.model.analytics.StreamTicket;

/** Scores, alerts and the live stream: {@code /api/analytics}. */
public final class AnalyticsApi {

    private final KundenpulsClient client;

    AnalyticsApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * Scores for a filter.
     *
     * @param query the query string without {@code ?}, e.g. {@code storeId=berlin-mitte&granularity=week}, or empty
     * @return the report
     */
    public ScoreReport scores(String query) {
        return client.get("/api/analytics/scores" + (query.isEmpty() ? "" : "?" + query), ScoreReport.class);
    }

    /**
     * Recent alerts, newest first.
     *
     * @param storeId a store, or null for all the caller may see
     * @return the alerts
     */
    public List<AlertView> alerts(String storeId) {
        return client.get("/api/analytics/alerts" + (storeId == null ? "" : "?storeId=" + storeId), Alerts.class).items();
    }

    /** The stores' targets by store id (staff: their store's). */
    public Map<String, ScoreTarget> targets() {
        return client.get("/api/analytics/targets", new TypeReference<Map<String, ScoreTarget>>() { });
    }

    /**
     * Sets a store's targets; one without either score removes them.
     *
     * @param storeId the store
     * @param target  the CSAT and NPS to reach
     * @return the target stored
     */
    public ScoreTarget setTarget(String storeId, ScoreTarget target) {
        return client.send("PUT", "/api/analytics/targets/" + storeId, target, ScoreTarget.class);
    }

    /** A one-time ticket for {@code /api/analytics/stream}. */
    public StreamTicket streamTicket() {
        return client.send("POST", "/api/analytics/stream-tickets", null, StreamTicket.class);
    }

    /**
     * The body of the alert list.
     *
     * @param items the alerts
     */
    public record Alerts(List<AlertView> items) {
    }
}
