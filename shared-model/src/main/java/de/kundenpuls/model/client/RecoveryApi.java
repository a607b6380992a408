package de.kundenpuls.model.client;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.model.offer.RecoverySetting;
import de.kundenpuls.model.offer.RecoveryStats;

/** Service recovery ({@code /api/recovery}): the apology offer per store and whether it works. */
public final class RecoveryApi {

    private final KundenpulsClient client;

    RecoveryApi(KundenpulsClient client) {
        this.client = client;
    }

    /**
     * Sets the offer a store gives when it answers a complaint.
     *
     * @param storeId the store
     * @param offerId the offer
     * @return the setting
     */
    public RecoverySetting setOffer(String storeId, String offerId) {
        return client.send("PUT", "/api/recovery/settings/" + storeId, Map.of("offerId", offerId), RecoverySetting.class);
    }

    /** The figures per store id (staff: their store only). */
    public Map<String, RecoveryStats> stats() {
        return client.get("/api/recovery/stats", new TypeReference<Map<String, RecoveryStats>>() { });
    }
}
