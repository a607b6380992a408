package de.kundenpuls.model.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.model.campaign.PushEventResult;
import de.kundenpuls.model.offer.PersonalOffer;
import de.kundenpuls.model.offer.ScanResult;
import de.kundenpuls.model.privacy.PersonalDataExport;
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

    /**
     * The caller's offers, ranked, each with their own redeem code.
     *
     * @param lang the language of titles and reasons ({@code de} or {@code en})
     * @return the offers, apology offers first
     */
    public List<PersonalOffer> offers(String lang) {
        return client.get("/api/me/offers?lang=" + lang, PersonalOffers.class).items();
    }

    /**
     * Reports a product scan (kept as an interest with the personalization consent).
     *
     * @param gtin    the product
     * @param storeId where, or null
     * @return whether it was kept
     */
    public ScanResult scan(String gtin, String storeId) {
        Map<String, String> body = storeId == null ? Map.of("gtin", gtin) : Map.of("gtin", gtin, "storeId", storeId);
        return client.send("POST", "/api/me/scans", body, ScanResult.class);
    }

    /**
     * Reports that the caller opened a campaign's notification.
     *
     * @param campaignId the campaign
     * @return whether it was counted (once per recipient)
     */
    public PushEventResult opened(String campaignId) {
        return client.send("POST", "/api/me/push-events", Map.of("campaignId", campaignId, "event", "opened"),
                PushEventResult.class);
    }

    /** Everything stored about the caller. */
    public PersonalDataExport export() {
        return client.get("/api/me/export", PersonalDataExport.class);
    }

    /** The same as the document the server sent, every field kept, to save as a file. */
    public JsonNode exportDocument() {
        return client.get("/api/me/export", JsonNode.class);
    }

    /** Erases the caller's profile and personal data. */
    public void delete() {
        client.send("DELETE", "/api/me", null, Void.class);
    }

    /**
     * The body of the offer list.
     *
     * @param items the offers
     */
    public record PersonalOffers(List<PersonalOffer> items) {
    }
}
