package de.kundenpuls.model.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** Dev sign-in: {@code POST /api/dev/tokens}, only on the embedded default. */
public final class DevApi {

    private final KundenpulsClient client;

    DevApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * Issues a token for a new identity.
     *
     * @param role    shopper, staff, marketer or admin
     * @param storeId the store for staff, else null
     * @return token and uid
     */
    public DevToken token(String role, String storeId) {
        return token(role, storeId, null);
    }

    /**
     * Issues a token, for a given identity when {@code uid} is set.
     *
     * @param role    shopper, staff, marketer or admin
     * @param storeId the store for staff, else null
     * @param uid     an existing identity, or null for a new one
     * @return token and uid
     */
    public DevToken token(String role, String storeId, String uid) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("role", role);
        if (storeId != null) {
            body.put("store", storeId);
        }
        if (uid != null) {
            body.put("uid", uid);
        }
        return client.send("POST", "/api/dev/tokens", body, DevToken.class);
    }

    /**
     * Issues a token for a new staff member with a display name (the token's {@code name} claim,
     * as a Firebase account with a name has it).
     *
     * @param storeId the store
     * @param name    the display name
     * @return token and uid
     */
    public DevToken staff(String storeId, String name) {
        return client.send("POST", "/api/dev/tokens", Map.of("role", "staff", "store", storeId, "name", name), DevToken.class);
    }

    /**
     * A dev identity.
     *
     * @param token the ID token
     * @param uid   the user id
     */
    public record DevToken(String token, String uid) {
    }
}
