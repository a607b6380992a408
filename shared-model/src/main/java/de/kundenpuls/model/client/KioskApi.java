package de.kundenpuls.model.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kundenpuls.model.kiosk.KioskEnrollment;
import de.kundenpuls.model.kiosk.KioskIdentity;
import de.kundenpuls.model.kiosk.KioskView;

/** Enrolled kiosks: {@code /api/kiosks}. */
public final class KioskApi {

    private final KundenpulsClient client;

    KioskApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * Enrolls a kiosk (store staff of that store, or an admin).
     *
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @param label      what staff call it
     * @return the kiosk and its one-time code
     */
    public KioskEnrollment enroll(String storeId, String touchpoint, String label) {
        return client.send("POST", "/api/kiosks", Map.of("storeId", storeId, "touchpoint", touchpoint, "label", label),
                KioskEnrollment.class);
    }

    /**
     * The fleet: a store's kiosks, or every kiosk (admins).
     *
     * @param storeId a store, or null for all
     * @return the kiosks
     */
    public List<KioskView> list(String storeId) {
        return client.get("/api/kiosks" + (storeId == null ? "" : "?storeId=" + storeId), Fleet.class).items();
    }

    /**
     * Revokes a kiosk (admins).
     *
     * @param kioskId the kiosk
     * @return the kiosk, revoked
     */
    public KioskView revoke(String kioskId) {
        return client.send("POST", "/api/kiosks/" + kioskId + "/revoke", null, KioskView.class);
    }

    /**
     * Exchanges a one-time enrollment code for the kiosk's identity (no sign-in needed).
     *
     * @param code the code as shown in the console
     * @return the identity
     */
    public KioskIdentity exchange(String code) {
        return client.send("POST", "/api/kiosks/enrollments", Map.of("code", code), KioskIdentity.class);
    }

    /**
     * A kiosk's report for the fleet view.
     *
     * @param appVersion the app's version
     * @param backlog    answers waiting in the outbox
     */
    public void reportContact(String appVersion, int backlog) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appVersion", appVersion);
        body.put("backlog", backlog);
        client.send("POST", "/api/kiosks/me/contact", body, Void.class);
    }

    /**
     * The body of the fleet listing.
     *
     * @param items the kiosks
     */
    public record Fleet(List<KioskView> items) {
    }
}
