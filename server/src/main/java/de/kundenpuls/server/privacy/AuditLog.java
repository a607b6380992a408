package de.kundenpuls.server.privacy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import de.kundenpuls.server.storage.Transaction;

/**
 * What admins did to people's data, bucketed by month so that one commit stores only the current
 * month's list.
 */
public final class AuditLog {

    private final ConcurrentHashMap<String, CopyOnWriteArrayList<AuditEntry>> months = new ConcurrentHashMap<>();

    /**
     * Appends an entry. Call on the writer thread only.
     *
     * @param entry the entry
     * @param tx    the transaction
     */
    public void append(AuditEntry entry, Transaction tx) {
        String key = YearMonth.from(entry.at().atZone(ZoneOffset.UTC)).toString();
        CopyOnWriteArrayList<AuditEntry> month = months.get(key);
        if (month == null) {
            month = new CopyOnWriteArrayList<>();
            month.add(entry);
            months.put(key, month);
            tx.store(months);
        } else {
            month.add(entry);
            tx.store(month);
        }
    }

    /**
     * The newest entries first.
     *
     * @param limit at most this many
     * @return the entries
     */
    public List<AuditEntry> newest(int limit) {
        List<AuditEntry> all = new ArrayList<>();
        months.values().forEach(all::addAll);
        all.sort(Comparator.comparing(AuditEntry::at).reversed());
        return all.size() > limit ? new ArrayList<>(all.subList(0, limit)) : all;
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
