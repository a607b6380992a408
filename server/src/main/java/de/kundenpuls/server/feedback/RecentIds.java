package de.kundenpuls.server.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The ids of the answers received within the duplicate window, in memory, for the idempotency of
 * {@code POST /api/feedback/batch}.
 *
 * <p>An answer's {@code createdAt} may be at most the capture window old, and a retry carries the
 * same {@code createdAt}; so a retry of an answer can only arrive within window + future skew of
 * its first receipt, and ids received before that can never be repeated successfully. Keeping
 * just those ids makes the index bounded by time, not by all data ever stored, and it needs no
 * stored form at all: it is rebuilt at start from the answer log's newest segments. One
 * generation per receive day (UTC); whole generations expire.
 *
 * <p>Writer thread only.
 */
final class RecentIds {

    private final Duration keep;
    private final TreeMap<Long, UuidSet> generations = new TreeMap<>();

    /**
     * @param keep how long after its receipt an id can still come back
     */
    RecentIds(Duration keep) {
        this.keep = keep;
    }

    /**
     * Rebuilds the index from the log.
     *
     * @param log  the answer log
     * @param keep window + skew
     * @param now  the current time
     * @return the index
     */
    static RecentIds rebuild(AnswerLog log, Duration keep, Instant now) {
        RecentIds ids = new RecentIds(keep);
        // An answer created before now − max age is refused as too old before the duplicate check,
        // so ids of older answers are never needed (after an import of two years of history, all
        // received today, the start loads only the segments of the last max age).
        log.forEachIdSince(now.minus(keep).minus(Duration.ofDays(1)), now.minus(keep), ids::add);
        return ids;
    }

    boolean contains(UUID id) {
        for (UuidSet set : generations.values()) {
            if (set.contains(id.getMostSignificantBits(), id.getLeastSignificantBits())) {
                return true;
            }
        }
        return false;
    }

    void add(UUID id, Instant receivedAt) {
        long day = Math.floorDiv(receivedAt.getEpochSecond(), 86_400L);
        generations.computeIfAbsent(day, d -> new UuidSet()).add(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** Drops the generations that can no longer see a retry. */
    void expire(Instant now) {
        long oldestKept = Math.floorDiv(now.minus(keep).getEpochSecond(), 86_400L) - 1;
        Iterator<Map.Entry<Long, UuidSet>> it = generations.entrySet().iterator();
        while (it.hasNext() && it.next().getKey() < oldestKept) {
            it.remove();
        }
    }

    /** Number of ids held (for tests and metrics). */
    long size() {
        return generations.values().stream().mapToLong(UuidSet::size).sum();
    }

    /**
     * An open-addressing hash set of 128-bit ids in two parallel long arrays: 16 bytes an id plus
     * slack, against about 80 for a {@code HashSet<UUID>}; a busy store-day has millions.
     */
    static final class UuidSet {
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        boolean contains(long h, long l) {
            int mask = high.length - 1;
            for (int i = slot(h, l, mask); used[i]; i = (i + 1) & mask) {
                if (high[i] == h && low[i] == l) {
                    return true;
                }
            }
            return false;
        }

        void add(long h, long l) {
            if ((size + 1) * 4L > high.length * 3L) {
                grow();
            }
            int mask = high.length - 1;
            int i = slot(h, l, mask);
            while (used[i]) {
                if (high[i] == h && low[i] == l) {
                    return;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            high[i] = h;
            low[i] = l;
            size++;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldHigh = high;
            long[] oldLow = low;
            boolean[] oldUsed = used;
            high = new long[oldHigh.length * 2];
            low = new long[oldHigh.length * 2];
            used = new boolean[oldHigh.length * 2];
            size = 0;
            for (int i = 0; i < oldHigh.length; i++) {
                if (oldUsed[i]) {
                    add(oldHigh[i], oldLow[i]);
                }
            }
        }

        private static int slot(long h, long l, int mask) {
            long x = h * 0x9E3779B97F4A7C15L ^ l;
            x ^= x >>> 31;
            return (int) x & mask;
        }
    }
}
