package de.kundenpuls.model.analytics;

import java.time.Instant;

/**
 * A touchpoint where unhappy answers piled up within a sliding window.
 *
 * @param storeId       the store
 * @param touchpoint    the touchpoint
 * @param at            when the threshold was crossed
 * @param answers       answers in the window
 * @param unhappy       of them unhappy
 * @param unhappyShare  unhappy answers in percent
 * @param windowMinutes the window's length
 */
public record AlertView(String storeId, String touchpoint, Instant at, long answers, long unhappy, double unhappyShare,
                        long windowMinutes) {
}
