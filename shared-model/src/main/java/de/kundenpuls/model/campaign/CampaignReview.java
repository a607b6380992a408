package de.kundenpuls.model.campaign;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import de.kundenpuls.model.contact.ContactBudgetRule;

/**
 * What sending a saved campaign would do, for the review step before it goes out: how many people,
 * split how, when, whom the quiet hours delay, and whom the frequency cap and the contact budget hold back.
 *
 * @param audienceSize    profiles that match and may be reached (consent, device)
 * @param variants        the split: each variant's share and the people it should reach
 * @param scheduleAt      when it goes out, or null for at once
 * @param quietHours      the quiet hours that apply (the campaign's or the workspace's), or null
 * @param inQuietHoursNow of the audience, those whose store is in its quiet hours when the campaign
 *                        goes out (now, or at its scheduled time): their message waits until
 *                        the quiet hours end in their store
 * @param frequencyCap    the frequency cap that applies, or null: whoever already got that many
 *                        campaign messages is skipped
 * @param offerTitle      the offer whose personal code goes with each message, or null
 * @param contactBudget   the workspace's contact budget, or null when it has none
 * @param overContactBudget of the audience, those who have used up their contact budget by the time
 *                        the campaign goes out: they are skipped ("suppressed: contact budget")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignReview(long audienceSize, List<Split> variants, Instant scheduleAt,
                             CampaignDefinition.QuietHours quietHours, long inQuietHoursNow,
                             CampaignDefinition.FrequencyCap frequencyCap, String offerTitle,
                             ContactBudgetRule contactBudget, long overContactBudget) {

    /**
     * One variant of the split.
     *
     * @param id       variant id
     * @param share    percent of the audience
     * @param expected people it should reach (the audience times the share, rounded)
     */
    public record Split(String id, int share, long expected) {
    }
}
