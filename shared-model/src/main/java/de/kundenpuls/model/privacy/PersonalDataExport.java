package de.kundenpuls.model.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.profile.Profile;

/**
 * Everything stored about one customer (Art. 15 GDPR), as {@code GET /api/me/export} and
 * {@code GET /api/admin/profiles/{uid}/export} return it. Each section is absent when there is
 * nothing of that kind.
 *
 * @param uid        the customer
 * @param exportedAt when the export was made
 * @param profile    contact data, consents, devices, interests and history
 * @param feedback   the customer's answers
 * @param offers     the offer codes granted to them
 * @param cases      the follow-up dialogs about their complaints
 * @param push       what push campaigns sent them
 */
public record PersonalDataExport(String uid, Instant exportedAt, Profile profile, Feedback feedback, List<Grant> offers,
                                 List<CaseView> cases, Push push) {

    /**
     * The answers section.
     *
     * @param answers every answer given while signed in
     */
    public record Feedback(List<Answer> answers) {
    }

    /**
     * One answer as stored.
     *
     * @param id            its id
     * @param storeId       the store
     * @param touchpoint    the touchpoint
     * @param category      the product's category, if a product was rated
     * @param gtin          the product, if one was rated
     * @param createdAt     when it was given
     * @param receivedAt    when the server accepted it
     * @param rating        1–5
     * @param nps           0–10
     * @param ces           1–7
     * @param dimensions    dimension → 1–5
     * @param comment       the comment
     * @param surveyId      the survey asked
     * @param surveyVersion its version
     * @param answers       the survey's question → answer
     * @param channel       {@code app} or {@code kiosk}
     */
    public record Answer(UUID id, String storeId, String touchpoint, String category, String gtin, Instant createdAt,
                         Instant receivedAt, Integer rating, Integer nps, Integer ces, Map<String, Integer> dimensions,
                         String comment, String surveyId, Integer surveyVersion, Map<String, String> answers, String channel) {
    }

    /**
     * An offer code granted to the customer.
     *
     * @param code        the redeem code
     * @param offerId     the offer
     * @param issuedAt    when it was granted
     * @param redeemedAt  when it was redeemed, if it was
     * @param redeemedIn  the store it was redeemed in
     * @param source      {@code inbox}, {@code campaign:<id>:<variant>} or {@code recovery}
     * @param storeId     for a recovery offer: the store that apologised
     * @param nextRating  for a recovery offer: the customer's next rating at that store
     * @param pushOutcome for a recovery offer: whether its push was sent
     */
    public record Grant(String code, String offerId, Instant issuedAt, Instant redeemedAt, String redeemedIn, String source,
                        String storeId, Integer nextRating, String pushOutcome) {
    }

    /**
     * The push section.
     *
     * @param latestNps        the customer's latest NPS, used to pick campaign audiences
     * @param campaignMessages the campaign messages rendered for them
     */
    public record Push(Integer latestNps, List<Message> campaignMessages) {
    }

    /**
     * A campaign message as sent to the customer.
     *
     * @param campaignId the campaign
     * @param title      its title, with their name filled in
     * @param body       its text
     * @param state      {@code pending}, {@code sending}, {@code sent}, {@code failed}, {@code unregistered} or {@code suppressed}
     * @param openedAt   when they opened it
     */
    public record Message(String campaignId, String title, String body, String state, Instant openedAt) {
    }
}
