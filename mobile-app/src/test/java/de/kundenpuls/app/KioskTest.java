package de.kundenpuls.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.kundenpuls.app.support.Answers;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.SurveyView;
import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store tablet as feedback kiosk: enrolled with a code from the console, the survey in large type, idle reset, staff area behind the staff member's own sign-in. */
class KioskTest {

    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    private RealServer server;
    private AppDriver driver;

    private static final Map<String, Object> SURVEY = Map.of("name", "Kasse Berlin", "questions", List.of(
            Map.of("id", "mood", "type", "smiley", "required", true,
                    "text", Map.of("de", "Wie zufrieden waren Sie an der Kasse?", "en", "How was the checkout?")),
            Map.of("id", "why", "type", "multiple", "showIf", Map.of("question", "mood", "anyOf", List.of("1", "2")),
                    "text", Map.of("de", "Was hat gestört?"), "options", List.of(
                            Map.of("id", "queue", "text", Map.of("de", "Warteschlange")),
                            Map.of("id", "friendly", "text", Map.of("de", "Unfreundlich")))),
            Map.of("id", "nps", "type", "nps", "text", Map.of("de", "Würden Sie uns weiterempfehlen?"))),
            "targeting", Map.of("storeIds", List.of("berlin-mitte"), "touchpoints", List.of("checkout")));

    @Test
    void kioskRunsTheSurveyResetsIdleGuestsAndOpensOnlyForStaffOfItsStore() {
        server = bench.server(Map.of("feedback.min-interval-ms", "1000"));
        server.as("marketer", null).send("POST", "/api/surveys", SURVEY, SurveyView.class);
        String customer = "kundin-" + UUID.randomUUID();
        KundenpulsClient shopper = server.shopper(customer);
        shopper.me().consents(Map.of("contact", true));
        shopper.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", Instant.now(), 1, null,
                null, Map.of(), "Zwanzig Minuten an der Kasse gewartet", null, null, null, null, "phone-1")));

        driver = bench.app(new AppConfig(server.url(), bench.deviceDir(), Duration.ofMillis(1500), Duration.ofMillis(1500),
                Duration.ofMillis(400), Duration.ofMinutes(5)), owner -> Optional.empty(), "kiosk");

        // Setup in the settings: the one-time code from the console.
        String code = server.enrollKiosk("berlin-mitte", "checkout");
        driver.tap("#open-settings");
        driver.type("#kiosk-code", "AAAAA-AAAAA");
        driver.tap("#kiosk-start");
        assertThat(driver.text("#kiosk-setup-error")).as("a wrong code is refused in words")
                .isEqualTo("code: Dieser Code ist ungültig oder wurde schon verwendet");
        driver.type("#kiosk-code", code);
        driver.screenshot("01-setup");
        driver.tap("#kiosk-start");

        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood"), Duration.ofSeconds(10), "kiosk start");
        assertThat(driver.text("#kiosk-question")).isEqualTo("Wie zufrieden waren Sie an der Kasse?");
        assertThat(driver.text("#kiosk-where")).isEqualTo("Kundenpuls Berlin Mitte · Kasse");
        driver.screenshot("02-start");

        // An unhappy guest: skip logic shows "what went wrong", then the NPS, then thank you.
        driver.tap("#kiosk-smiley-2");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-why"), Duration.ofSeconds(5), "follow-up question");
        driver.tap("#kiosk-option-queue");
        driver.screenshot("03-why");
        driver.tap("#kiosk-next");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-nps"), Duration.ofSeconds(5), "nps question");
        driver.screenshot("04-nps");
        driver.tap("#kiosk-scale-3");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-thanks"), Duration.ofSeconds(5), "thank you");
        driver.screenshot("05-thanks");

        // Back at the start, but locked for the rest of the minimum interval.
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood"), Duration.ofSeconds(5), "next guest");
        assertThat(driver.robot().lookup("#kiosk-q-mood").query().isDisabled()).as("too soon for another answer").isTrue();
        assertThat(driver.shows("#kiosk-wait")).as("the guest sees why").isTrue();
        driver.screenshot("06-interval");
        AppDriver.waitUntil(() -> !driver.robot().lookup("#kiosk-q-mood").query().isDisabled() && !driver.shows("#kiosk-wait"),
                Duration.ofSeconds(5), "interval over, the hint gone");
        AppDriver.waitUntil(() -> Answers.count(server, "berlin-mitte", "checkout") == 2, Duration.ofSeconds(10), "kiosk answer stored");

        // A happy guest skips "what went wrong", then walks away at the NPS: the partial answer is dropped.
        driver.tap("#kiosk-smiley-5");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-nps"), Duration.ofSeconds(5), "nps after a happy face");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood"), Duration.ofSeconds(5), "idle reset");
        assertThat(driver.app().context().outbox().size()).isZero();
        assertThat(Answers.count(server, "berlin-mitte", "checkout")).isEqualTo(2);

        // The staff area opens with a staff member's own account of this store only.
        driver.tap("#kiosk-lock");
        driver.type("#staff-email", "berlin-mitte@demo.kundenpuls.de");
        driver.type("#staff-password", "falsch");
        driver.tap("#staff-signin-button");
        AppDriver.waitUntil(() -> driver.text("#staff-signin-message").equals("E-Mail-Adresse oder Passwort stimmt nicht."),
                Duration.ofSeconds(10), "wrong password refused");
        driver.screenshot("07-staff-signin-wrong");
        driver.type("#staff-email", "hamburg-altona@demo.kundenpuls.de");
        driver.type("#staff-password", "kundenpuls-demo");
        driver.tap("#staff-signin-button");
        AppDriver.waitUntil(() -> driver.text("#staff-signin-message").equals("Dieses Konto gehört nicht zum Team dieses Marktes."),
                Duration.ofSeconds(10), "staff of another store refused");
        driver.type("#staff-email", "berlin-mitte@demo.kundenpuls.de");
        driver.type("#staff-password", "kundenpuls-demo");
        driver.tap("#staff-signin-button");
        AppDriver.waitUntil(() -> driver.shows("#staff .case"), Duration.ofSeconds(10), "the store's cases");
        driver.screenshot("08-staff-cases");
        driver.type("#staff .staff-reply", "Das tut uns leid – ab sofort öffnen wir eine zweite Kasse.");
        driver.tap("#staff .staff-send");
        AppDriver.waitUntil(() -> caseOf(customer).messages().size() == 1, Duration.ofSeconds(10), "reply stored");
        assertThat(caseOf(customer).messages().get(0).author()).isEqualTo("staff");
        driver.screenshot("09-staff-replied");

        driver.tap("#staff-exit");
        AppDriver.waitUntil(() -> driver.shows("#nav-scan"), Duration.ofSeconds(10), "shopper app again");
    }

    private CaseView caseOf(String customer) {
        return server.shopper(customer).get("/api/me/inbox", new TypeReference<Map<String, List<CaseView>>>() { })
                .get("items").get(0);
    }
}
