package de.kundenpuls.model.analytics;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param painPoint     what most of the window's unhappy comments are about (the words they
 *                      wrote): in the live stream's alert only, null without such comments
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(String storeId, String touchpoint, Instant at, long answers, long unhappy, double unhappyShare,
                        long windowMinutes, String painPoint) {
}
