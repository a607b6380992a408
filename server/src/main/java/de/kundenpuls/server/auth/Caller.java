package de.kundenpuls.server.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verified identity behind a request.
 *
 * @param uid     Firebase user id
 * @param role    the role from the token's custom claims
 * @param storeId    the store a staff member or a kiosk is bound to; empty for every other role
 * @param touchpoint the touchpoint a kiosk stands at; empty for every other role
 * @param expiresAt  when the ID token that proved it expires (a live stream ends then)
 * @param name       the account's display name, else its e-mail address (the token's {@code name}
 *                   or {@code email}), for naming a colleague; empty when the token has neither
 */
public record Caller(String uid, Role role, Optional<String> storeId, Optional<String> touchpoint, Instant expiresAt,
                     Optional<String> name) {

    /**
     * A caller without a name.
     *
     * @param uid        Firebase user id
     * @param role       the role
     * @param storeId    the store of staff and kiosks
     * @param touchpoint the touchpoint of a kiosk
     * @param expiresAt  when the token expires
     */
    public Caller(String uid, Role role, Optional<String> storeId, Optional<String> touchpoint, Instant expiresAt) {
        this(uid, role, storeId, touchpoint, expiresAt, Optional.empty());
    }

    /**
     * A caller that is not a kiosk.
     *
     * @param uid       Firebase user id
     * @param role      the role
     * @param storeId   the store of staff
     * @param expiresAt when the token expires
     */
    public Caller(String uid, Role role, Optional<String> storeId, Instant expiresAt) {
        this(uid, role, storeId, Optional.empty(), expiresAt);
    }

    /**
     * A caller whose token does not expire (in-process callers, tests).
     *
     * @param uid     Firebase user id
     * @param role    the role
     * @param storeId the store of staff
     */
    public Caller(String uid, Role role, Optional<String> storeId) {
        this(uid, role, storeId, Instant.MAX);
    }

    /** Validates that staff always carry a store, and kiosks a store and a touchpoint. */
    public Caller {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(name, "name");
        if ((role == Role.STAFF || role == Role.KIOSK) && storeId.isEmpty()) {
            throw new IllegalArgumentException(role.claim() + " must be bound to a store");
        }
        if (role == Role.KIOSK && touchpoint.isEmpty()) {
            throw new IllegalArgumentException("a kiosk must be bound to a touchpoint");
        }
    }
}
