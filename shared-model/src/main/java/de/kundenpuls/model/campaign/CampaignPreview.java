package de.kundenpuls.model.campaign;

import java.util.List;

/**
 * Who a campaign would reach, before sending.
 *
 * @param audienceSize profiles that match and may be reached (consent, device)
 * @param samples      a few rendered messages
 */
public record CampaignPreview(long audienceSize, List<Sample> samples) {

    /**
     * One rendered message.
     *
     * @param variant variant id
     * @param locale  language
     * @param title   title with placeholders filled
     * @param body    body with placeholders filled
     */
    public record Sample(String variant, String locale, String title, String body) {
    }
}
