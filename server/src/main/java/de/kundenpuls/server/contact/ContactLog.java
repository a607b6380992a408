package de.kundenpuls.server.contact;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import de.kundenpuls.server.storage.BoundedArrays;
import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;

/**
 * Every time a customer was contacted: a survey prompt shown in the app, a campaign push, a
 * service-recovery message. One short array per customer in a {@link ShardedMap}, so recording a
 * contact stores one small shard, and export and erasure find a customer's entries without a scan.
 * Writes on the storage writer thread only.
 */
public final class ContactLog {

    /** Entries kept per customer: more than any budget allows (20), so the rolling window is always complete. */
    static final int LIMIT = 32;

    private final ShardedMap<String, Contact[]> byCustomer = new ShardedMap<>();

    /** A customer's contacts, oldest first. */
    public List<Contact> of(String uid) {
        Contact[] log = byCustomer.get(uid);
        return log == null ? List.of() : Arrays.asList(log.clone());
    }

    /** Appends a contact, dropping the oldest beyond {@value #LIMIT}. Writer thread only. */
    void append(String uid, Contact contact, Transaction tx) {
        byCustomer.put(uid, BoundedArrays.append(byCustomer.get(uid), contact, LIMIT), tx);
    }

    /** Forgets a customer (erasure). Writer thread only. */
    public void forget(String uid, Transaction tx) {
        byCustomer.remove(uid, tx);
    }

    /** Visits every customer's log (loads every shard: only for rebuilding what is kept in memory). */
    void forEach(BiConsumer<String, Contact[]> visitor) {
        byCustomer.forEach(visitor);
    }
}
