package de.kundenpuls.server.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.campaign.CampaignReview;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.survey.SurveyView;
import de.kundenpuls.server.TestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One contact budget across survey prompts and campaign pushes, over real HTTP with the real
 * Firebase Admin SDK sending to the FCM stand-in: at most 2 contacts per 7 days here.
 */
class ContactBudgetApiTest {

    private static final String ACTIVE = "/api/surveys/active?storeId=berlin-mitte&touchpoint=checkout";

    @TempDir
    Path dir;

    private GoogleStandIn fcm;
    private TestServer server;
    private KundenpulsClient marketer;

    @BeforeEach
    void start() {
        fcm = GoogleStandIn.start(0, Map::of);
        server = TestServer.start(dir, Map.of("push.fcm-endpoint", fcm.url(), "contact-budget.max", "2",
                "contact-budget.days", "7"));
        marketer = server.as("marketer");
    }

    @AfterEach
    void stop() {
        server.close();
        fcm.close();
    }

    @Test
    void surveyPromptsAndCampaignsShareOneBudgetAndTheCampaignSkipsWhoUsedItUp() {
        createSurvey("Kasse", "{\"storeIds\":[\"berlin-mitte\"]}");
        KundenpulsClient ana = shopper("ana-phone");
        KundenpulsClient ben = shopper("ben-phone");

        // Ana is asked for feedback: one contact, however often the app asks again for the same survey.
        assertThat(ana.exchange("GET", ACTIVE, null, null).statusCode()).isEqualTo(200);
        assertThat(ana.exchange("GET", ACTIVE, null, null).statusCode()).isEqualTo(200);
        assertThat(contacts(ana)).extracting(c -> c.get("kind").asText()).containsExactly("survey");

        CampaignView first = sendAndWait(campaign("Erste"));
        assertThat(first.stats().sent()).isEqualTo(2);
        assertThat(first.stats().skippedContactBudget()).isZero();
        assertThat(contacts(ana)).extracting(c -> c.get("kind").asText()).containsExactly("survey", "campaign");

        // Ana has had two contacts now: the survey she saw may show again (it is counted), a new one
        // is not offered to her, while a kiosk still gets it.
        assertThat(ana.exchange("GET", ACTIVE, null, null).statusCode()).isEqualTo(200);
        createSurvey("Kasse neu", "{\"storeIds\":[\"berlin-mitte\"],\"touchpoints\":[\"checkout\"]}");
        HttpResponse<byte[]> skipped = ana.exchange("GET", ACTIVE, null, null);
        assertThat(skipped.statusCode()).isEqualTo(204);
        assertThat(skipped.headers().firstValue("Kundenpuls-Skipped")).hasValue("contact budget");
        assertThat(server.client().exchange("GET", ACTIVE, null, null).statusCode()).isEqualTo(200);

        CampaignView second = campaign("Zweite");
        CampaignReview review = marketer.campaigns().review(second.id());
        assertThat(review.audienceSize()).isEqualTo(2);
        assertThat(review.contactBudget().max()).isEqualTo(2);
        assertThat(review.overContactBudget()).isEqualTo(1);

        CampaignView done = sendAndWait(second);
        assertThat(done.stats().targeted()).isEqualTo(2);
        assertThat(done.stats().sent()).isEqualTo(1);
        assertThat(done.stats().suppressed()).isEqualTo(1);
        assertThat(done.stats().skippedContactBudget()).isEqualTo(1);
        assertThat(fcm.deliveredTo("ana-phone")).hasSize(1);
        assertThat(fcm.deliveredTo("ben-phone")).hasSize(2);
        JsonNode anasMessages = ana.me().exportDocument().path("push").path("campaignMessages");
        assertThat(anasMessages).hasSize(2);
        assertThat(anasMessages.get(1).path("state").asText()).isEqualTo("suppressed");
        assertThat(contacts(ben)).extracting(c -> c.get("kind").asText()).containsExactly("campaign", "campaign");
        assertThat(ben.exchange("GET", ACTIVE, null, null).statusCode()).isEqualTo(204);

        // Both have used up their budget; a restart rebuilds who has from the stored log.
        server.restart();
        marketer = server.as("marketer");
        assertThat(marketer.campaigns().review(campaign("Dritte").id()).overContactBudget()).isEqualTo(2);
    }

    @Test
    void theApologyAfterABadRatingIsExemptBySettingAndSaysSo() {
        OfferView sorry = marketer.send("POST", "/api/offers", new OfferDefinition(Map.of("de", "Kaffee", "en", "Coffee"), Map.of(),
                null, "beverages", "-20 %", Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(30)),
                List.of(), true), OfferView.class);
        marketer.recovery().setOffer("berlin-mitte", sorry.id());
        KundenpulsClient ana = shopper("ana-phone");
        KundenpulsClient ben = shopper("ben-phone");
        sendAndWait(campaign("Erste"));
        sendAndWait(campaign("Zweite"));

        ana.feedback().send(List.of(badRating()));
        Awaitility.await("the exempt apology").atMost(Duration.ofSeconds(10)).until(() -> fcm.deliveredTo("ana-phone").size() == 3);
        Awaitility.await("its outcome").atMost(Duration.ofSeconds(10))
                .until(() -> pushOutcome(ana), outcome -> outcome.equals("sent (exempt from the contact budget)"));

        server.restart(Map.of("contact-budget.exempt-service-recovery", "false"));
        // The restarted server listens on a new port: the same accounts, through a new client.
        KundenpulsClient benAgain = server.client().withToken(ben.token().orElseThrow());
        benAgain.feedback().send(List.of(badRating()));
        Awaitility.await("the skipped apology").atMost(Duration.ofSeconds(10))
                .until(() -> pushOutcome(benAgain), outcome -> outcome.equals("skipped: contact budget"));
        assertThat(fcm.deliveredTo("ben-phone")).as("only the two campaigns").hasSize(2);
        assertThat(benAgain.me().offers("de")).extracting(o -> o.offerId()).as("the code still waits in the inbox").contains(sorry.id());
    }

    private KundenpulsClient shopper(String token) {
        KundenpulsClient s = server.as("shopper");
        s.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel"), "homeStoreId", "berlin-mitte"));
        s.me().consents(Map.of("marketing_push", true));
        s.me().registerDevice(token, "android", "de");
        return s;
    }

    private void createSurvey(String name, String targeting) {
        String json = """
                {"name":"%s","allowPartial":false,"targeting":%s,
                 "questions":[{"id":"mood","type":"smiley","text":{"de":"Wie war Ihr Einkauf?","en":"How was your visit?"},"required":true}]}"""
                .formatted(name, targeting);
        marketer.sendBytes("POST", "/api/surveys", json.getBytes(StandardCharsets.UTF_8), "application/json", SurveyView.class);
    }

    private CampaignView campaign(String name) {
        String json = """
                {"name":"%s","audience":{"homeStoreIds":["berlin-mitte"]},
                 "variants":[{"locale":"de","title":"Hallo {firstName}","body":"Neu in {store}"}]}""".formatted(name);
        return marketer.sendBytes("POST", "/api/campaigns", json.getBytes(StandardCharsets.UTF_8), "application/json", CampaignView.class);
    }

    private CampaignView sendAndWait(CampaignView c) {
        marketer.send("POST", "/api/campaigns/" + c.id() + "/send", null, CampaignView.class);
        return Awaitility.await("campaign done").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> marketer.get("/api/campaigns/" + c.id(), CampaignView.class), v -> v.state().equals("done"));
    }

    private static JsonNode contacts(KundenpulsClient shopper) {
        return shopper.me().exportDocument().path("contacts");
    }

    private static String pushOutcome(KundenpulsClient shopper) {
        return shopper.me().exportDocument().path("offers").path(0).path("pushOutcome").asText();
    }

    private static FeedbackItem badRating() {
        return new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", Instant.now().minusSeconds(2), 1, null, null,
                Map.of(), null, null, null, null, null, null);
    }
}
