package de.kundenpuls.server.privacy;

import java.util.Optional;

import de.kundenpuls.server.storage.Transaction;

/**
 * A feature that stores data about a person. Every such feature registers one, so that an export
 * contains everything and an erasure leaves nothing (PRODUCT.md: data protection by design).
 */
public interface PersonalData {

    /** The section name in the export, e.g. {@code feedback}. */
    String section();

    /**
     * Everything this feature stores about a person, as JSON-serializable values.
     *
     * @param uid the user id
     * @return the data, or empty when there is none
     */
    Optional<Object> export(String uid);

    /**
     * Erases or anonymizes what this feature stores about a person. Runs on the storage writer
     * thread inside the erasure's single commit; must not throw once it has changed anything.
     *
     * @param uid the user id
     * @param tx  registers what changed
     */
    void erase(String uid, Transaction tx);
}
