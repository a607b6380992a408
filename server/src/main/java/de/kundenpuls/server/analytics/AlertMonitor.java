package de.kundenpuls.server.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
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
        if (at.isBefore(now.minus(window))) {
            return Optional.empty();
        }
        String key = storeId + "|" + touchpoint;
        Deque<Sample> deque = samples.computeIfAbsent(key, k -> new ArrayDeque<>());
        deque.addLast(new Sample(at, unhappy));
        Instant from = now.minus(window);
        deque.removeIf(s -> s.at().isBefore(from));
        long total = deque.size();
        long bad = deque.stream().filter(Sample::unhappy).count();
        Instant previous = lastAlert.get(key);
        if (total >= minAnswers && (double) bad / total >= threshold && (previous == null || previous.isBefore(from))) {
            lastAlert.put(key, now);
            return Optional.of(new Alert(storeId, touchpoint, now, total, bad, Math.round(1000.0 * bad / total) / 10.0,
                    window.toMinutes()));
        }
        return Optional.empty();
    }

    private record Sample(Instant at, boolean unhappy) {
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
    }
}
