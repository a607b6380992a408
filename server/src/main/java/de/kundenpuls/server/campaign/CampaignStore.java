package de.kundenpuls.server.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;

/**
 * Campaigns, their recipients ({@link CampaignRecipients}, one per campaign), each profile's
 * place among the recipients of every campaign, the per-profile send log for frequency caps, and
 * each profile's latest NPS answer. Writes on the storage writer thread only.
 *
 * <p>Everything per profile sits in {@link ShardedMap}s, so that a change stores a small shard,
 * and export and erasure find a profile's entries without a scan.
 */
public final class CampaignStore {

    /** Entries of the send log kept per profile (enough for any frequency cap). */
    private static final int SEND_LOG_LIMIT = 50;

    private final ConcurrentHashMap<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private ConcurrentHashMap<String, CampaignRecipients> recipientsById = new ConcurrentHashMap<>();
    private ShardedMap<String, RecipientRef[]> recipientRefs = new ShardedMap<>();
    private ShardedMap<String, Instant[]> sends = new ShardedMap<>();
    private ShardedMap<String, Integer> nps = new ShardedMap<>();

    // The layout before 2026-12-02, kept only so that such a data directory still loads;
    // upgrade() moves their content. Recipients were buckets in one list per campaign, the send
    // log and NPS answers 1,024 eager maps rewritten whole per change.
    private ConcurrentHashMap<String, CopyOnWriteArrayList<ArrayList<Recipient>>> recipients;
    private ConcurrentHashMap<Integer, ConcurrentHashMap<String, ArrayList<Instant>>> sendLog;
    private ConcurrentHashMap<Integer, ConcurrentHashMap<String, Integer>> latestNps;

    /**
     * Where a profile is among a campaign's recipients.
     *
     * @param campaignId the campaign
     * @param index      the recipient's index
     */
    public record RecipientRef(String campaignId, long index) {
    }

    /**
     * The migration at start from the older layout. Writer thread only.
     *
     * @param tx stores what moved
     */
    public void upgrade(Transaction tx) {
        if (recipientsById == null) {
            recipientsById = new ConcurrentHashMap<>();
            recipientRefs = new ShardedMap<>();
            sends = new ShardedMap<>();
            nps = new ShardedMap<>();
            tx.store(this);
        }
        if (recipients != null) {
            recipients.forEach((campaignId, buckets) -> {
                CampaignRecipients moved = start(campaignId, tx);
                for (ArrayList<Recipient> bucket : buckets) {
                    bucket.forEach(r -> add(campaignId, moved, r, tx));
                }
                moved.advance(Integer.MAX_VALUE, true, tx);
            });
            recipients = null;
            tx.store(this);
        }
        if (sendLog != null) {
            sendLog.values().forEach(shard -> shard.forEach((uid, log) -> sends.put(uid, log.toArray(new Instant[0]), tx)));
            sendLog = null;
            tx.store(this);
        }
        if (latestNps != null) {
            latestNps.values().forEach(shard -> shard.forEach((uid, score) -> nps.put(uid, score, tx)));
            latestNps = null;
            tx.store(this);
        }
    }

    /** A campaign. */
    public Optional<Campaign> campaign(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    /** All campaigns. */
    public List<Campaign> campaigns() {
        return new ArrayList<>(campaigns.values());
    }

    /** Adds or replaces a campaign. Writer thread only. */
    public void put(Campaign c, Transaction tx) {
        campaigns.put(c.id(), c);
        tx.store(campaigns);
    }

    /** Removes a campaign that never started (a discarded draft). Writer thread only. */
    public void remove(String id, Transaction tx) {
        campaigns.remove(id);
        tx.store(campaigns);
    }

    /** The recipients of a campaign, if choosing them has begun. */
    public Optional<CampaignRecipients> recipients(String campaignId) {
        return Optional.ofNullable(recipientsById.get(campaignId));
    }

    /** Whether every recipient of a campaign has been chosen. */
    public boolean materialized(String campaignId) {
        CampaignRecipients r = recipientsById.get(campaignId);
        return r != null && r.complete();
    }

    /** Begins choosing a campaign's recipients (or returns what was begun). Writer thread only. */
    public CampaignRecipients start(String campaignId, Transaction tx) {
        CampaignRecipients existing = recipientsById.get(campaignId);
        if (existing != null) {
            return existing;
        }
        CampaignRecipients created = new CampaignRecipients();
        recipientsById.put(campaignId, created);
        tx.store(recipientsById);
        return created;
    }

    /** Adds a chosen recipient and indexes it under its profile. Writer thread only. */
    public void add(String campaignId, CampaignRecipients into, Recipient r, Transaction tx) {
        long index = into.append(r, tx);
        if (r.uid() != null) {
            RecipientRef[] refs = recipientRefs.get(r.uid());
            RecipientRef[] next = refs == null ? new RecipientRef[1] : Arrays.copyOf(refs, refs.length + 1);
            next[next.length - 1] = new RecipientRef(campaignId, index);
            recipientRefs.put(r.uid(), next, tx);
        }
    }

    /** Replaces one recipient. Writer thread only. */
    public void update(CampaignRecipients of, long index, Recipient r, Transaction tx) {
        of.replace(index, r, tx);
    }

    /** The index of a profile among a campaign's recipients, if it is one. */
    public Optional<Long> recipientIndex(String campaignId, String uid) {
        RecipientRef[] refs = recipientRefs.get(uid);
        for (RecipientRef ref : refs == null ? new RecipientRef[0] : refs) {
            if (ref.campaignId().equals(campaignId)) {
                return Optional.of(ref.index());
            }
        }
        return Optional.empty();
    }

    /** Where a profile is among the recipients of every campaign (export). */
    public List<RecipientRef> recipientRefs(String uid) {
        RecipientRef[] refs = recipientRefs.get(uid);
        return refs == null ? List.of() : List.of(refs);
    }

    /** Messages sent to a profile since a time. */
    public long sentSince(String uid, Instant since) {
        Instant[] log = sends.get(uid);
        return log == null ? 0 : Arrays.stream(log).filter(t -> !t.isBefore(since)).count();
    }

    /** Records a sent message for the frequency cap. Writer thread only. */
    public void logSent(String uid, Instant at, Transaction tx) {
        sends.put(uid, de.kundenpuls.server.storage.BoundedArrays.append(sends.get(uid), at, SEND_LOG_LIMIT), tx);
    }

    /** The latest NPS answer of a profile. */
    public Optional<Integer> latestNps(String uid) {
        return Optional.ofNullable(nps.get(uid));
    }

    /** Records a profile's latest NPS answer. Writer thread only. */
    public void recordNps(String uid, int score, Transaction tx) {
        nps.put(uid, score, tx);
    }

    /**
     * Forgets a profile (erasure): its send log, NPS answer, and everything personal in the
     * recipients of every campaign (uid, push token, the texts that named them). A recipient not
     * yet sent is suppressed. The counts stay. Writer thread only.
     *
     * @param uid the profile
     * @param tx  the transaction
     */
    public void forget(String uid, Transaction tx) {
        sends.remove(uid, tx);
        nps.remove(uid, tx);
        RecipientRef[] refs = recipientRefs.remove(uid, tx);
        for (RecipientRef ref : refs == null ? new RecipientRef[0] : refs) {
            CampaignRecipients of = recipientsById.get(ref.campaignId());
            if (of != null) {
                of.replace(ref.index(), of.get(ref.index()).erased(), tx);
            }
        }
    }
}
