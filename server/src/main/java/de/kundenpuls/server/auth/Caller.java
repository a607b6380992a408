package de.kundenpuls.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The verified identity behind a request.
 *
 * @param uid     Firebase user id
 * @param role    the role from the token's custom claims
 * @param storeId the store a staff member is bound to; empty for every other role
 */
public record Caller(String uid, Role role, Optional<String> storeId) {

    /** Validates that staff always carry a store. */
    public Caller {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(storeId, "storeId");
        if (role == Role.STAFF && storeId.isEmpty()) {
            throw new IllegalArgumentException("staff must be bound to a store");
        }
    }
}
