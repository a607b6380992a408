package de.kundenpuls.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.kundenpuls.server.storage.Transaction;

/** The most recent alerts, stored with the answer that raised them so a restart keeps them. */
public final class AlertLog {

    private static final int KEEP = 500;

    private final CopyOnWriteArrayList<AlertMonitor.Alert> alerts = new CopyOnWriteArrayList<>();

    /**
     * Appends an alert. Writer thread only.
     *
     * @param alert the alert
     * @param tx    the transaction of the answer that raised it
     */
    public void append(AlertMonitor.Alert alert, Transaction tx) {
        alerts.add(alert);
        while (alerts.size() > KEEP) {
            alerts.remove(0);
        }
        tx.store(alerts);
    }

    /**
     * Recent alerts, newest first.
     *
     * @param storeId a store, or null for all
     * @return the alerts
     */
    public List<AlertMonitor.Alert> recent(String storeId) {
        List<AlertMonitor.Alert> result = new ArrayList<>();
        for (AlertMonitor.Alert a : alerts) {
            if (storeId == null || a.storeId().equals(storeId)) {
                result.add(0, a);
            }
        }
        return result;
    }
}
