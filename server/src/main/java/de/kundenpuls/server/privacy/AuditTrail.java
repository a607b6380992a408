package de.kundenpuls.server.privacy;

import de.kundenpuls.server.storage.Transaction;

/**
 * Where a feature reports what an admin or marketer did, in the same commit as the change: the
 * composition root points it at the {@link AuditLog}, which only this package writes.
 */
@FunctionalInterface
public interface AuditTrail {

    /**
     * Records an entry. Writer thread only.
     *
     * @param entry what happened
     * @param tx    the commit of the change it describes
     */
    void record(AuditLog.AuditEntry entry, Transaction tx);
}
