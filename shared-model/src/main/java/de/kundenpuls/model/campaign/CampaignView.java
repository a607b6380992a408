package de.kundenpuls.model.campaign;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A campaign with its state and live stats.
 *
 * @param id         campaign id
 * @param definition what was composed
 * @param state      {@code draft}, {@code scheduled}, {@code sending} or {@code done}
 * @param createdAt  when it was created
 * @param startedAt  when sending started
 * @param finishedAt when the last message was handled
 * @param stats      totals and per variant
 * @param comparison with exactly two variants, whether they really differ; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(String id, CampaignDefinition definition, String state, Instant createdAt, Instant startedAt,
                           Instant finishedAt, Stats stats, AbComparison comparison) {

    /**
     * Counts. {@code targeted = sent + failed + unregistered + suppressed} once done; before,
     * the rest is {@code pending}.
     *
     * @param targeted     recipients chosen
     * @param pending      not yet handled
     * @param waiting      of the pending, those whose message waits for their store's quiet hours to end
     * @param sent         accepted by FCM
     * @param failed       not sent after retries (or in doubt after a crash: never sent twice)
     * @param unregistered dead tokens, removed from the profiles
     * @param suppressed   held back by the contact budget or the frequency cap
     * @param skippedContactBudget of the suppressed, those whose contact budget was used up
     * @param opened       opened in the app
     * @param redeemed     offer codes redeemed
     * @param variants     the same per variant id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stats(long targeted, long pending, long waiting, long sent, long failed, long unregistered, long suppressed,
                        long skippedContactBudget, long opened, long redeemed, Map<String, Stats> variants) {
    }
}
