package de.kundenpuls.server.analytics;

import java.time.Duration;
import java.time.Instant;

import de.kundenpuls.model.analytics.AlertView;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HappyOrNot-style alerts: when, within a sliding window, the share of unhappy answers at one
 * touchpoint of a store reaches a threshold over a minimum number of answers, staff are told at
 * once. One alert per touchpoint per window, so a bad hour is one alert, not fifty. The window
 * itself lives in memory (it only covers the last minutes); raised alerts are kept in {@link AlertLog}.
 */
public final class AlertMonitor {

    private final Duration window;
    private final int minAnswers;
    private final double threshold;
    /** Answers may be dated a few minutes ahead (device clocks); the ring has room for them. */
    private static final int FUTURE_MINUTES = 6;

    private final Map<String, Counts> windows = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAlert = new ConcurrentHashMap<>();

    /**
     * Creates the monitor.
     *
     * @param window     the sliding window (default 15 minutes)
     * @param minAnswers answers needed in the window (default 4)
     * @param threshold  unhappy share that raises an alert (default 0.5)
     */
    public AlertMonitor(Duration window, int minAnswers, double threshold) {
        this.window = window;
        this.minAnswers = minAnswers;
        this.threshold = threshold;
    }

    /** The sliding window. */
    public Duration window() {
        return window;
    }

    /**
     * Records an answer; returns an alert when it tips the touchpoint over the threshold.
     * Answers older than the window (synced late from offline devices) count for scores but not
     * for alerts: the moment to act has passed.
     *
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @param at         when the answer was given
     * @param unhappy    rating ≤ 2 or NPS ≤ 6
     * @param now        the current time
     * @return a new alert, if one is due
     */
    public synchronized Optional<Alert> record(String storeId, String touchpoint, Instant at, boolean unhappy, Instant now) {
        Instant from = now.minus(window);
        if (at.isBefore(from)) {
            return Optional.empty();
        }
        String key = storeId + "|" + touchpoint;
        Counts counts = windows.computeIfAbsent(key, k -> new Counts((int) window.toMinutes() + FUTURE_MINUTES + 2));
        counts.add(minute(at), unhappy);
        long[] totalAndBad = counts.sum(minute(from));
        long total = totalAndBad[0];
        long bad = totalAndBad[1];
        Instant previous = lastAlert.get(key);
        if (total >= minAnswers && (double) bad / total >= threshold && (previous == null || previous.isBefore(from))) {
            lastAlert.put(key, now);
            return Optional.of(new Alert(storeId, touchpoint, now, total, bad, Math.round(1000.0 * bad / total) / 10.0,
                    window.toMinutes()));
        }
        return Optional.empty();
    }

    private static long minute(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60L);
    }

    /**
     * Answers per minute in a ring of one slot per minute of the window: recording and summing
     * cost the same whether a touchpoint had four answers or forty thousand in the window (a
     * list of samples, scanned per answer, made ingest slower the busier a store got). The window
     * is thereby counted in whole minutes.
     */
    private static final class Counts {
        private final long[] minutes;
        private final long[] totals;
        private final long[] unhappy;

        Counts(int slots) {
            minutes = new long[slots];
            java.util.Arrays.fill(minutes, Long.MIN_VALUE);
            totals = new long[slots];
            unhappy = new long[slots];
        }

        void add(long minute, boolean bad) {
            int slot = (int) Math.floorMod(minute, (long) minutes.length);
            if (minutes[slot] != minute) {
                if (minutes[slot] > minute) {
                    return;
                }
                minutes[slot] = minute;
                totals[slot] = 0;
                unhappy[slot] = 0;
            }
            totals[slot]++;
            if (bad) {
                unhappy[slot]++;
            }
        }

        long[] sum(long fromMinute) {
            long total = 0;
            long bad = 0;
            for (int i = 0; i < minutes.length; i++) {
                if (minutes[i] >= fromMinute) {
                    total += totals[i];
                    bad += unhappy[i];
                }
            }
            return new long[] {total, bad};
        }
    }

    /**
     * An alert for staff.
     *
     * @param storeId       the store
     * @param touchpoint    the touchpoint
     * @param at            when it was raised
     * @param answers       answers in the window
     * @param unhappy       unhappy answers in the window
     * @param unhappyShare  percent unhappy
     * @param windowMinutes the window length
     */
    public record Alert(String storeId, String touchpoint, Instant at, long answers, long unhappy, double unhappyShare,
                        long windowMinutes) {

        /** The alert as the API shows it (this record is stored, so the API's type is kept apart). */
        public AlertView view() {
            return view(null);
        }

        /**
         * The alert as the live stream announces it.
         *
         * @param painPoint what most of the window's unhappy comments are about, or null; not
         *                  stored, so that the stored alerts keep their layout
         * @return the view
         */
        public AlertView view(String painPoint) {
            return new AlertView(storeId, touchpoint, at, answers, unhappy, unhappyShare, windowMinutes, painPoint);
        }
    }
}
