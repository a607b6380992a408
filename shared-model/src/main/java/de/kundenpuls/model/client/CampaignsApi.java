package de.kundenpuls.model.client;

import java.util.List;

import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.CampaignPreview;
import de.kundenpuls.model.campaign.CampaignReview;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.campaign.TestSend;

/** Push campaigns: {@code /api/campaigns} (marketers and admins). */
public final class CampaignsApi {

    private final KundenpulsClient client;

    CampaignsApi(KundenpulsClient client) {
        this.client = client;
    }

    /** All campaigns, newest first. */
    public List<CampaignView> list() {
        return client.get("/api/campaigns", Campaigns.class).items();
    }

    /**
     * Saves a campaign as a draft (or scheduled, if it has a send time).
     *
     * @param definition what to send to whom
     * @return the stored campaign
     */
    public CampaignView create(CampaignDefinition definition) {
        return client.send("POST", "/api/campaigns", definition, CampaignView.class);
    }

    /**
     * Replaces a draft's definition (a campaign that is scheduled or sending answers 409).
     *
     * @param id         the draft
     * @param definition the new definition
     * @return the stored draft
     */
    public CampaignView update(String id, CampaignDefinition definition) {
        return client.send("PUT", "/api/campaigns/" + id, definition, CampaignView.class);
    }

    /**
     * Discards a draft.
     *
     * @param id the draft
     */
    public void delete(String id) {
        client.send("DELETE", "/api/campaigns/" + id, null, Void.class);
    }

    /**
     * What sending would do now: audience, split, schedule, quiet hours, frequency cap.
     *
     * @param id the campaign
     * @return the review
     */
    public CampaignReview review(String id) {
        return client.get("/api/campaigns/" + id + "/review", CampaignReview.class);
    }

    /**
     * Sends every variant to the caller's own registered devices, and to nobody else.
     *
     * @param id the campaign
     * @return how many messages went out
     */
    public TestSend testSend(String id) {
        return client.send("POST", "/api/campaigns/" + id + "/test", null, TestSend.class);
    }

    /**
     * One campaign with its live stats.
     *
     * @param id the campaign
     * @return it
     */
    public CampaignView get(String id) {
        return client.get("/api/campaigns/" + id, CampaignView.class);
    }

    /**
     * Starts sending now; the answer comes before the last message is out.
     *
     * @param id the campaign
     * @return it, in state {@code sending}
     */
    public CampaignView send(String id) {
        return client.send("POST", "/api/campaigns/" + id + "/send", null, CampaignView.class);
    }

    /**
     * The audience size and rendered messages of a stored campaign.
     *
     * @param id the campaign
     * @return the preview
     */
    public CampaignPreview preview(String id) {
        return client.get("/api/campaigns/" + id + "/preview", CampaignPreview.class);
    }

    /**
     * The same for a campaign not yet saved.
     *
     * @param definition the draft
     * @return the preview
     */
    public CampaignPreview preview(CampaignDefinition definition) {
        return client.send("POST", "/api/campaigns/preview", definition, CampaignPreview.class);
    }

    /**
     * The body of the campaign list.
     *
     * @param items the campaigns
     */
    public record Campaigns(List<CampaignView> items) {
    }
}
