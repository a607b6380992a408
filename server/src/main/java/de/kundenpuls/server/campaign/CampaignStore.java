package de.kundenpuls.server.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import de.kundenpuls.server.storage.Transaction;

/**
 * Campaigns, their recipients in buckets of {@value #BUCKET} (one bucket is stored per change),
 * the per-profile send log for frequency caps, and each profile's latest NPS answer for audience
 * rules. Writes on the storage writer thread only.
 */
public final class CampaignStore {

    /** Recipients per stored bucket. */
    public static final int BUCKET = 500;
    private static final int SHARDS = 1024;

    private final ConcurrentHashMap<String, Campaign> campaigns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<ArrayList<Recipient>>> recipients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentHashMap<String, ArrayList<Instant>>> sendLog = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentHashMap<String, Integer>> latestNps = new ConcurrentHashMap<>();

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

    /** The recipient buckets of a campaign (a live view: read under the bucket's lock). */
    public List<ArrayList<Recipient>> buckets(String campaignId) {
        CopyOnWriteArrayList<ArrayList<Recipient>> b = recipients.get(campaignId);
        return b == null ? List.of() : b;
    }

    /** Whether recipients were chosen already. */
    public boolean materialized(String campaignId) {
        return recipients.containsKey(campaignId);
    }

    /** Stores the chosen recipients. Writer thread only. */
    public void materialize(String campaignId, List<Recipient> all, Transaction tx) {
        CopyOnWriteArrayList<ArrayList<Recipient>> buckets = new CopyOnWriteArrayList<>();
        for (int from = 0; from < all.size(); from += BUCKET) {
            buckets.add(new ArrayList<>(all.subList(from, Math.min(all.size(), from + BUCKET))));
        }
        recipients.put(campaignId, buckets);
        tx.store(recipients);
    }

    /** Replaces one recipient in a bucket. Writer thread only. */
    public void update(ArrayList<Recipient> bucket, int index, Recipient r, Transaction tx) {
        synchronized (bucket) {
            bucket.set(index, r);
        }
        tx.store(bucket);
    }

    /** Messages sent to a profile since a time. */
    public long sentSince(String uid, Instant since) {
        ConcurrentHashMap<String, ArrayList<Instant>> shard = sendLog.get(shard(uid));
        ArrayList<Instant> log = shard == null ? null : shard.get(uid);
        if (log == null) {
            return 0;
        }
        synchronized (log) {
            return log.stream().filter(t -> !t.isBefore(since)).count();
        }
    }

    /** Records a sent message for the frequency cap. Writer thread only. */
    public void logSent(String uid, Instant at, Transaction tx) {
        ConcurrentHashMap<String, ArrayList<Instant>> shard = sendLog.computeIfAbsent(shard(uid), k -> {
            tx.store(sendLog);
            return new ConcurrentHashMap<>();
        });
        ArrayList<Instant> log = shard.get(uid);
        if (log == null) {
            log = new ArrayList<>();
            shard.put(uid, log);
            tx.store(shard);
        }
        synchronized (log) {
            log.add(at);
            while (log.size() > 50) {
                log.remove(0);
            }
        }
        tx.store(log);
    }

    /** The latest NPS answer of a profile. */
    public Optional<Integer> latestNps(String uid) {
        ConcurrentHashMap<String, Integer> shard = latestNps.get(shard(uid));
        return shard == null ? Optional.empty() : Optional.ofNullable(shard.get(uid));
    }

    /** Records a profile's latest NPS answer. Writer thread only. */
    public void recordNps(String uid, int nps, Transaction tx) {
        ConcurrentHashMap<String, Integer> shard = latestNps.computeIfAbsent(shard(uid), k -> {
            tx.store(latestNps);
            return new ConcurrentHashMap<>();
        });
        shard.put(uid, nps);
        tx.store(shard);
    }

    /** Forgets a profile's send log and NPS (erasure). Writer thread only. */
    public void forget(String uid, Transaction tx) {
        ConcurrentHashMap<String, ArrayList<Instant>> log = sendLog.get(shard(uid));
        if (log != null && log.remove(uid) != null) {
            tx.store(log);
        }
        ConcurrentHashMap<String, Integer> nps = latestNps.get(shard(uid));
        if (nps != null && nps.remove(uid) != null) {
            tx.store(nps);
        }
    }

    private static int shard(String uid) {
        return Math.floorMod(uid.hashCode(), SHARDS);
    }
}
