package de.kundenpuls.server.campaign;

import java.time.Instant;

import de.kundenpuls.model.campaign.CampaignDefinition;

/**
 * A stored campaign.
 *
 * @param id         id
 * @param definition what was composed
 * @param state      draft, scheduled, sending, done
 * @param createdAt  created
 * @param createdBy  marketer uid
 * @param startedAt  sending started, or null
 * @param finishedAt done, or null
 */
public record Campaign(String id, CampaignDefinition definition, String state, Instant createdAt, String createdBy,
                       Instant startedAt, Instant finishedAt) {

    /** Copy in another state. */
    public Campaign withState(String newState, Instant started, Instant finished) {
        return new Campaign(id, definition, newState, createdAt, createdBy, started, finished);
    }
}
