package de.kundenpuls.server.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import de.kundenpuls.server.storage.ChunkedList;
import de.kundenpuls.server.storage.Transaction;

/**
 * What admins did to people's data, and self-erasures (without personal data): an append-only
 * {@link ChunkedList}, so that an entry stores only the tail chunk however long the log grows.
 */
public final class AuditLog {

    private ChunkedList<AuditEntry> entries = new ChunkedList<>();
    /**
     * The layout before 2026-12-02: one list per month, rewritten whole on every append. Kept only
     * so that such a data directory still loads; {@link #upgrade} moves its entries.
     */
    private ConcurrentHashMap<String, CopyOnWriteArrayList<AuditEntry>> months;

    /**
     * The migration at start from the older layout. Writer thread only.
     *
     * @param tx stores what moved
     */
    public void upgrade(Transaction tx) {
        if (entries == null) {
            entries = new ChunkedList<>();
            tx.store(this);
        }
        if (months != null) {
            List<AuditEntry> old = new ArrayList<>();
            months.values().forEach(old::addAll);
            old.sort(Comparator.comparing(AuditEntry::at));
            old.forEach(e -> entries.append(e, tx));
            months = null;
            tx.store(this);
        }
    }

    /**
     * Appends an entry. Call on the writer thread only.
     *
     * @param entry the entry
     * @param tx    the transaction
     */
    public void append(AuditEntry entry, Transaction tx) {
        entries.append(entry, tx);
    }

    /**
     * A page of the log, newest first, with a filter.
     *
     * @param before  only entries at positions before this one, or null for the newest
     * @param keep    which entries count
     * @param limit   at most this many entries
     * @param maxScan at most this many entries read (a filter that matches rarely stays bounded)
     * @return the entries with their positions, and where the next page starts (null at the start of the log)
     */
    public Page page(Long before, java.util.function.Predicate<AuditEntry> keep, int limit, int maxScan) {
        List<Positioned> found = new ArrayList<>();
        long i = before == null ? entries.size() - 1 : Math.min(before, entries.size()) - 1;
        int scanned = 0;
        for (; i >= 0 && found.size() < limit && scanned < maxScan; i--, scanned++) {
            AuditEntry e = entries.get(i);
            if (keep.test(e)) {
                found.add(new Positioned(i, e));
            }
        }
        return new Page(found, i >= 0 ? i + 1 : null);
    }

    /**
     * An entry and where it stands in the log.
     *
     * @param position 0 for the first entry ever
     * @param entry    the entry
     */
    public record Positioned(long position, AuditEntry entry) {
    }

    /**
     * A page of the log.
     *
     * @param items the entries
     * @param next  the {@code before} of the next page, or null when there is none
     */
    public record Page(List<Positioned> items, Long next) {
    }

    /**
     * One admin action.
     *
     * @param at      when
     * @param actor   the admin's uid
     * @param action  e.g. {@code profile.erase}, {@code profile.export}, {@code catalog.import}
     * @param subject whom or what it concerned
     * @param detail  a short description
     */
    public record AuditEntry(Instant at, String actor, String action, String subject, String detail) {
    }
}
