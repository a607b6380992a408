package de.kundenpuls.model.cases;

import java.time.Instant;

/**
 * A staff member of a store to whom a case can be assigned: one who has opened the store's cases
 * (the server keeps no staff directory of its own; accounts and their store live in Firebase).
 *
 * @param uid      the staff member's Firebase user id
 * @param name     their display name, else e-mail address, else the uid
 * @param lastSeen when they last opened the store's cases (to the day)
 */
public record Colleague(String uid, String name, Instant lastSeen) {
}
