package de.kundenpuls.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.app.support.AuthEmulator;
import de.kundenpuls.app.support.ServerProcess;
import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.TestSend;
import de.kundenpuls.model.cases.CaseDetail;
import de.kundenpuls.model.client.FirebaseAuthSession;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's workflows of issue 15 on the production path: dev sign-in off, every caller signed
 * in with a real Firebase ID token from the Auth emulator (staff, marketers and admins by their
 * custom claims, the shopper anonymously as the app does), push through the Firebase Admin SDK to
 * the FCM stand-in.
 */
class ProductionWorkflowsTest {

    @RegisterExtension
    static final AuthEmulator EMULATOR = new AuthEmulator();
    private static final FirebaseAuthSession.Endpoints AUTH = FirebaseAuthSession.Endpoints.emulator(AuthEmulator.HOST);

    @TempDir
    static Path serverDir;

    private static GoogleStandIn fcm;
    private static ServerProcess server;

    @BeforeAll
    static void start() {
        fcm = GoogleStandIn.start(0, Map::of);
        server = ServerProcess.start(serverDir, Map.of(
                "FIREBASE_AUTH_EMULATOR_HOST", AuthEmulator.HOST,
                "FIREBASE_AUTH_EMULATOR", "true",
                "FIREBASE_PROJECT_ID", AuthEmulator.PROJECT,
                "PUSH_FCM_ENDPOINT", fcm.url(),
                "CATALOG_SEED_DEMO", "true",
                // One contact a week: a single survey prompt uses a customer's budget up.
                "CONTACT_BUDGET_MAX", "1"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (fcm != null) {
            fcm.close();
        }
    }

    private static KundenpulsClient account(String role, Map<String, Object> claims) {
        String email = role + "-" + System.nanoTime() + "@kette.example";
        EMULATOR.createAccount(email, "geheim-789", claims);
        return KundenpulsClient.create(server.url()).withSession(FirebaseAuthSession.signIn(AUTH,
                FirebaseAuthSession.TokenStore.inMemory(), Clock.systemUTC(), email, "geheim-789"));
    }

    /** The e-mail address the account signed in with (the token's {@code email} claim). */
    private static String staffEmail(KundenpulsClient account) {
        String token = account.token().orElseThrow();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            return KundenpulsClient.mapper().readTree(payload).path("email").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void campaignsCasesAndPrivacyRequestsWorkWithRealSignIn() throws InterruptedException {
        KundenpulsClient shopper = KundenpulsClient.create(server.url())
                .withSession(FirebaseAuthSession.start(AUTH, FirebaseAuthSession.TokenStore.inMemory(), Clock.systemUTC()));
        shopper.me().patch(Map.of("contact", Map.of("name", "Pia Produktion", "email", "pia@kunde.example"),
                "homeStoreId", "berlin-mitte"));
        shopper.me().consents(Map.of("contact", true, "marketing_push", true));
        shopper.me().registerDevice("pia-phone", "android", "de");
        String piaUid = shopper.me().get().uid();

        // A marketer drafts, reviews and tests on their own phone: nothing reaches the shopper yet.
        KundenpulsClient marketer = account("marketer", Map.of("role", "marketer"));
        var draft = marketer.campaigns().create(new CampaignDefinition("Produktion", new CampaignDefinition.Audience(
                List.of("berlin-mitte"), null, null, null, null, null, null, null),
                List.of(new CampaignDefinition.Variant("A", "de", "Hallo {firstName}", "Neu in {store}", null)), null, null, null, null));
        assertThat(marketer.campaigns().review(draft.id()).audienceSize()).isEqualTo(1);
        marketer.me().registerDevice("marketer-phone", "ios", "de");
        assertThat(marketer.campaigns().testSend(draft.id())).isEqualTo(new TestSend(1, 1, 1));
        assertThat(fcm.deliveredTo("marketer-phone")).singleElement().satisfies(m -> assertThat(m.title()).isEqualTo("Hallo"));
        assertThat(fcm.deliveredTo("pia-phone")).isEmpty();

        // A detractor's answer opens a case; staff of the store see how to reach her (she consented).
        BatchResult answered = shopper.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout",
                Instant.now().minusSeconds(20), 1, 3, null, Map.of(), "Bitte rufen Sie mich an", null, null, null, null, null)));
        assertThat(answered.results().get(0).status()).isEqualTo(BatchResult.Status.ACCEPTED);
        KundenpulsClient staff = account("staff", Map.of("role", "staff", "store", "berlin-mitte"));
        var open = staff.cases().list("open");
        assertThat(open).singleElement().satisfies(c -> assertThat(c.comment()).isEqualTo("Bitte rufen Sie mich an"));
        CaseDetail detail = staff.cases().get(open.get(0).id()).detail();
        assertThat(detail.customer()).isEqualTo(new CaseDetail.Customer(true, "Pia Produktion", "pia@kunde.example", null));
        assertThat(detail.answer().nps()).isEqualTo(3);

        // A colleague who works the store's cases too gets it, named by the e-mail of their account.
        KundenpulsClient colleague = account("staff", Map.of("role", "staff", "store", "berlin-mitte"));
        colleague.cases().list("open");
        var team = staff.get("/api/cases/colleagues", com.fasterxml.jackson.databind.JsonNode.class).path("items");
        String colleagueUid = java.util.stream.StreamSupport.stream(team.spliterator(), false)
                .filter(m -> !m.path("name").asText().equals(staffEmail(staff)))
                .map(m -> m.path("uid").asText()).findFirst().orElseThrow();
        var assigned = staff.send("POST", "/api/cases/" + open.get(0).id() + "/assign", Map.of("uid", colleagueUid),
                de.kundenpuls.model.cases.CaseView.class);
        assertThat(assigned.assigneeName()).endsWith("@kette.example").isEqualTo(staffEmail(colleague));

        // Her app showed her a survey: her one contact this week, so the campaign skips her.
        marketer.sendBytes("POST", "/api/surveys", """
                {"name":"Kasse","allowPartial":false,"targeting":{"storeIds":["berlin-mitte"]},
                 "questions":[{"id":"mood","type":"smiley","text":{"de":"Wie war es?","en":"How was it?"},"required":true}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(shopper.exchange("GET", "/api/surveys/active?storeId=berlin-mitte&touchpoint=checkout", null, null).statusCode())
                .isEqualTo(200);
        assertThat(marketer.campaigns().review(draft.id()).overContactBudget()).isEqualTo(1);
        marketer.send("POST", "/api/campaigns/" + draft.id() + "/send", null, com.fasterxml.jackson.databind.JsonNode.class);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!marketer.campaigns().get(draft.id()).state().equals("done")) {
            assertThat(Instant.now()).as("campaign done within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(marketer.campaigns().get(draft.id()).stats().skippedContactBudget()).isEqualTo(1);
        assertThat(fcm.deliveredTo("pia-phone")).isEmpty();

        // Her privacy request arrives by e-mail: an admin finds, exports and erases her; the log says who did.
        KundenpulsClient admin = account("admin", Map.of("role", "admin"));
        assertThat(admin.admin().findByEmail("PIA@kunde.example").uid()).isEqualTo(piaUid);
        assertThat(admin.admin().export(piaUid).profile().contact().name()).isEqualTo("Pia Produktion");
        admin.admin().erase(piaUid);
        var audit = admin.admin().audit(10, null, null, null).items();
        assertThat(audit).extracting(e -> e.action()).containsSubsequence("profile.erase", "profile.export", "profile.lookup");
        assertThat(audit).allSatisfy(e -> assertThat(e.subjectName()).isNull());
        assertThat(audit.get(0).actor()).isNotBlank().doesNotStartWith("dev-");
    }
}
