package de.kundenpuls.model.client;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.model.profile.Profile;

/** The signed-in shopper's own data: {@code /api/me}. */
public final class MeApi {

    private final KundenpulsClient client;

    MeApi(KundenpulsClient client) {
        this.client = client;
    }

    /** The profile, created on first call. */
    public Profile get() {
        return client.get("/api/me", Profile.class);
    }

    /**
     * Changes contact data and settings (JSON merge patch: absent fields stay, null clears).
     *
     * @param patch e.g. {@code {"contact":{"email":"a@b.de"},"homeStoreId":"berlin-mitte"}}
     * @return the updated profile
     */
    public Profile patch(Map<String, Object> patch) {
        return client.send("PATCH", "/api/me", patch, Profile.class);
    }

    /**
     * Grants or withdraws consents.
     *
     * @param consents purpose key → granted
     * @return the updated profile
     */
    public Profile consents(Map<String, Boolean> consents) {
        return client.send("PUT", "/api/me/consents", consents, Profile.class);
    }

    /**
     * Registers this installation for push.
     *
     * @param token    FCM token
     * @param platform android, ios or desktop
     * @param locale   de or en
     * @return the updated profile
     */
    public Profile registerDevice(String token, String platform, String locale) {
        return client.send("POST", "/api/me/devices", Map.of("token", token, "platform", platform, "locale", locale), Profile.class);
    }

    /** Everything stored about the caller. */
    public Map<String, Object> export() {
        return client.get("/api/me/export", new TypeReference<Map<String, Object>>() { });
    }

    /** Erases the caller's profile and personal data. */
    public void delete() {
        client.send("DELETE", "/api/me", null, Void.class);
    }
}
