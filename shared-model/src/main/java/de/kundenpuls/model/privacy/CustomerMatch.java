package de.kundenpuls.model.privacy;

/**
 * The customer an admin found by e-mail for a privacy request, to export or erase next.
 *
 * @param uid         the customer's id (what export and erasure take)
 * @param name        their name, if given
 * @param email       their e-mail address
 * @param homeStoreId their home store, if any
 */
public record CustomerMatch(String uid, String name, String email, String homeStoreId) {
}
