package de.kundenpuls.server.storage;

import java.util.Arrays;

/** Short per-customer logs kept as arrays: one new entry at the end, the oldest dropped past a limit. */
public final class BoundedArrays {

    private BoundedArrays() {
    }

    /**
     * A copy of a log with one more entry, keeping at most {@code limit} (the newest).
     *
     * @param log   the log, oldest first, or null for none yet
     * @param entry the new entry
     * @param limit how many entries to keep
     * @param <T>   the entry type
     * @return the new log
     */
    public static <T> T[] append(T[] log, T entry, int limit) {
        if (log == null) {
            T[] one = newArray(entry, 1);
            one[0] = entry;
            return one;
        }
        int keep = Math.min(log.length, limit - 1);
        T[] next = Arrays.copyOfRange(log, log.length - keep, log.length + 1);
        next[keep] = entry;
        return next;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(T entry, int length) {
        return (T[]) java.lang.reflect.Array.newInstance(entry.getClass(), length);
    }
}
