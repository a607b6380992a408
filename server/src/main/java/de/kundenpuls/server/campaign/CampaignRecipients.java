package de.kundenpuls.server.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.kundenpuls.server.contact.ContactBudget;
import de.kundenpuls.server.storage.ChunkedList;
import de.kundenpuls.server.storage.Transaction;

/**
 * The recipients of one campaign as they are chosen and sent: an append-only {@link ChunkedList},
 * how far through the audience the choice has got (so a restart resumes it), the chunk whose push
 * is in flight, and counts per variant and state kept on every change (so the campaign's stats
 * never walk its recipients). Changes on the writer thread only.
 */
public final class CampaignRecipients {

    /**
     * Count slots: targeted, pending (or sending), sent, failed, unregistered, suppressed, opened,
     * of the suppressed those skipped by the contact budget, and of the pending those waiting for
     * their store's quiet hours to end.
     */
    static final int TARGETED = 0;
    static final int PENDING = 1;
    static final int SENT = 2;
    static final int FAILED = 3;
    static final int UNREGISTERED = 4;
    static final int SUPPRESSED = 5;
    static final int OPENED = 6;
    static final int BUDGET = 7;
    static final int WAITING = 8;
    static final int SLOTS = 9;

    private final ChunkedList<Recipient> list = new ChunkedList<>();
    private final ConcurrentHashMap<String, long[]> counts = new ConcurrentHashMap<>();
    private int nextNumber;
    private boolean complete;
    private long inFlightFrom = -1;
    private long inFlightTo = -1;

    /** Number of recipients chosen so far. */
    public long size() {
        return list.size();
    }

    /** A recipient by index. */
    public Recipient get(long index) {
        return list.get(index);
    }

    /** Whether every profile of the audience has been considered. */
    public synchronized boolean complete() {
        return complete;
    }

    /** The first profile number not yet considered. */
    public synchronized int nextNumber() {
        return nextNumber;
    }

    /** The range of indices whose push was in flight at the last commit, or null. */
    public synchronized long[] inFlight() {
        return inFlightFrom < 0 ? null : new long[] {inFlightFrom, inFlightTo};
    }

    /** Appends a chosen recipient. Writer thread only. */
    long append(Recipient r, Transaction tx) {
        long index = list.append(r, tx);
        count(r, 1, tx);
        return index;
    }

    /** Replaces a recipient (new state, opened, erased). Writer thread only. */
    void replace(long index, Recipient r, Transaction tx) {
        count(list.get(index), -1, tx);
        list.set(index, r, tx);
        count(r, 1, tx);
    }

    /** Records how far the choice has got. Writer thread only. */
    synchronized void advance(int next, boolean done, Transaction tx) {
        nextNumber = next;
        complete = done;
        tx.store(this);
    }

    /** Records the chunk whose push is about to go out, or none ({@code from < 0}). Writer thread only. */
    synchronized void inFlight(long from, long to, Transaction tx) {
        inFlightFrom = from;
        inFlightTo = to;
        tx.store(this);
    }

    /** The counts per variant, copied. */
    Map<String, long[]> counts() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        counts.forEach((variant, n) -> {
            synchronized (n) {
                copy.put(variant, java.util.Arrays.copyOf(n, SLOTS));
            }
        });
        return copy;
    }

    private void count(Recipient r, int sign, Transaction tx) {
        long[] n = counts.get(r.variant());
        if (n == null || n.length < SLOTS) {
            // Counts stored before a slot was added are shorter: they grow in place of the old array.
            n = n == null ? new long[SLOTS] : java.util.Arrays.copyOf(n, SLOTS);
            counts.put(r.variant(), n);
            tx.store(counts);
        }
        synchronized (n) {
            n[TARGETED] += sign;
            n[slot(r.state())] += sign;
            n[OPENED] += r.openedAt() != null ? sign : 0;
            n[BUDGET] += "suppressed".equals(r.state()) && ContactBudget.SKIPPED.equals(r.detail()) ? sign : 0;
            n[WAITING] += Recipient.WAITING.equals(r.state()) ? sign : 0;
        }
        tx.store(n);
    }

    private static int slot(String state) {
        return switch (state) {
            case "pending", "sending", Recipient.WAITING -> PENDING;
            case "sent" -> SENT;
            case "failed" -> FAILED;
            case "unregistered" -> UNREGISTERED;
            default -> SUPPRESSED;
        };
    }
}
