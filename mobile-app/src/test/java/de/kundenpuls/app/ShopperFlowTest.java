package de.kundenpuls.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.oned.EAN13Writer;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.privacy.PersonalDataExport;
import de.kundenpuls.model.survey.SurveyView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shopper's way through the real app against the real server. */
class ShopperFlowTest {

    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    private RealServer server;
    private AppDriver driver;

    private AppConfig config() {
        return new AppConfig(server.url(), bench.deviceDir(), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofMillis(300),
                Duration.ofMillis(500));
    }

    /** A phone photo of a milk carton's barcode, as far as a test can make one: an EAN-13 on white. */
    private static BufferedImage barcodePhoto(String gtin) throws Exception {
        return MatrixToImageWriter.toBufferedImage(new EAN13Writer().encode(gtin, BarcodeFormat.EAN_13, 600, 300));
    }

    private String shopperUid() {
        return driver.app().context().settings().shopperUid().orElseThrow();
    }

    @Test
    void scanShowsTheProductAndThreeTapsPutTheRatingOnTheServer() throws Exception {
        server = bench.server(Map.of());
        BufferedImage photo = barcodePhoto("4013456000018");
        driver = bench.app(config(), owner -> Optional.of(photo), "shopper");
        driver.screenshot("01-scan");

        driver.tap("#scan-photo");
        AppDriver.waitUntil(() -> driver.shows("#product-name"), Duration.ofSeconds(10), "product screen");
        assertThat(driver.text("#product-name")).isEqualTo("Frische Vollmilch 3,5 %");
        assertThat(driver.text("#product-price")).contains("€");
        assertThat(driver.text("#product-stock")).startsWith("Auf Lager in Kundenpuls Berlin Mitte");
        driver.screenshot("02-product");

        // Three taps: a face, what it was about, send.
        driver.tap("#smiley-2");
        driver.tap("#chip-availability");
        driver.screenshot("03-feedback");
        driver.tap("#feedback-send");
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(10), "outbox sent");
        // The card says what is true: it arrived (before that: kept on the device, on its way).
        AppDriver.waitUntil(() -> driver.text("#feedback-done").equals("Danke! Ihre Bewertung ist angekommen."),
                Duration.ofSeconds(5), "sent");
        driver.screenshot("04-feedback-sent");

        List<PersonalDataExport.Answer> answers = server.shopper(shopperUid()).me().export().feedback().answers();
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.rating()).isEqualTo(2);
            assertThat(answer.gtin()).isEqualTo("4013456000018");
            assertThat(answer.touchpoint()).isEqualTo("shelf");
            assertThat(answer.dimensions()).isEqualTo(Map.of("availability", 2));
        });
    }

    @Test
    void theActiveSurveyIsAnsweredWithTheRating() {
        server = bench.server(Map.of());
        server.as("marketer", null).send("POST", "/api/surveys", Map.of("name", "Milchregal", "questions", List.of(
                Map.of("id", "use", "type", "single", "required", true, "text", Map.of("de", "Wofür kaufen Sie Milch?"),
                        "options", List.of(Map.of("id", "coffee", "text", Map.of("de", "Kaffee")),
                                Map.of("id", "cereal", "text", Map.of("de", "Müsli")))),
                Map.of("id", "again", "type", "nps", "text", Map.of("de", "Würden Sie diese Milch empfehlen?"))),
                "targeting", Map.of("touchpoints", List.of("shelf"), "categories", List.of("dairy"))), SurveyView.class);
        driver = bench.app(config(), owner -> Optional.empty(), "shopper");
        driver.type("#code-field", "4013456000018");
        driver.tap("#code-search");
        driver.tap("#smiley-4");
        driver.tap("#feedback-open-survey");
        driver.tap("#survey-option-coffee");
        AppDriver.waitUntil(() -> driver.shows("#survey-q-again"), Duration.ofSeconds(5), "second question");
        driver.screenshot("09-survey");
        driver.tap("#survey-scale-9");
        assertThat(driver.text("#feedback-survey-done")).startsWith("✓ Danke");
        driver.tap("#feedback-send");
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(10), "outbox sent");
        PersonalDataExport.Answer answer = server.shopper(shopperUid()).me().export().feedback().answers().get(0);
        assertThat(answer.rating()).isEqualTo(4);
        assertThat(answer.surveyVersion()).isEqualTo(1);
        assertThat(answer.answers()).isEqualTo(Map.of("use", "coffee", "again", "9"));
    }

    @Test
    void typedCodesAreComparedSideBySide() {
        server = bench.server(Map.of());
        driver = bench.app(config(), owner -> Optional.empty(), "shopper");
        driver.type("#code-field", "4013456000018");
        driver.tap("#code-search");
        AppDriver.waitUntil(() -> driver.shows("#product-name"), Duration.ofSeconds(10), "first product");
        driver.tap("#product-compare");
        driver.tap("#back");
        String yoghurt = KundenpulsClient.create(server.url()).catalog().search("joghurt", null, null, 0, "de").items().get(0)
                .gtin().value();
        driver.type("#code-field", yoghurt);
        driver.tap("#code-search");
        AppDriver.waitUntil(() -> driver.shows("#product-compare") && !driver.text("#product-name").startsWith("Frische Vollmilch"),
                Duration.ofSeconds(10), "second product");
        driver.tap("#product-compare");
        AppDriver.waitUntil(() -> driver.shows("#compare-grid"), Duration.ofSeconds(10), "comparison");
        assertThat(driver.text("#title")).isEqualTo("Vergleich");
        assertThat(driver.robot().lookup("#compare-grid .compare-head").queryAll()).hasSize(2);
        driver.screenshot("05-compare");

        // A code that is no product is explained, not a crash.
        driver.tap("#back");
        driver.tap("#back");
        driver.type("#code-field", Gtin.withCheckDigit("400000000000").value());
        driver.tap("#code-search");
        AppDriver.waitUntil(() -> driver.text("#scan-status").equals("Nicht gefunden."), Duration.ofSeconds(10), "not found");
    }

    @Test
    void consentSwitchesDecideWhatTheServerLearns() {
        // Three ratings in a row from one phone: the anti-mashing interval is for kiosks, not this test.
        server = bench.server(Map.of("feedback.min-interval-ms", "0"));
        driver = bench.app(config(), owner -> Optional.empty(), "shopper");
        driver.tap("#nav-profile");
        AppDriver.waitUntil(() -> driver.shows("#consent-personalization"), Duration.ofSeconds(10), "profile");
        driver.screenshot("06-profile");
        KundenpulsClient me = server.shopper(shopperUid());
        assertThat(me.me().get().allows(de.kundenpuls.model.profile.ConsentPurpose.PERSONALIZATION)).isFalse();

        // Without consent, a rating teaches the server nothing about the shopper.
        rateMilk(4);
        assertThat(me.me().get().affinities()).isEmpty();

        driver.tap("#nav-profile");
        driver.tap("#consent-personalization");
        AppDriver.waitUntil(() -> driver.text("#consent-status").equals("Einwilligung gespeichert."), Duration.ofSeconds(10),
                "consent saved");
        driver.screenshot("07-consent-on");
        assertThat(me.me().get().consents().get("personalization").granted()).isTrue();
        rateMilk(5);
        assertThat(me.me().get().affinities()).containsKey("dairy");

        // Withdrawn: the server forgets what it learned and learns nothing new.
        driver.tap("#nav-profile");
        driver.tap("#consent-personalization");
        AppDriver.waitUntil(() -> !me.me().get().allows(de.kundenpuls.model.profile.ConsentPurpose.PERSONALIZATION),
                Duration.ofSeconds(10), "consent withdrawn");
        rateMilk(5);
        assertThat(me.me().get().affinities()).isEmpty();
    }

    @Test
    void languageFollowsTheDeviceAndIsSwitchedInTheSettings() {
        server = bench.server(Map.of());
        driver = bench.app(config(), owner -> Optional.empty(), "shopper");
        assertThat(driver.robot().lookup("#screen-scan .h1").queryLabeled().getText()).isEqualTo("Produkt scannen");
        driver.tap("#open-settings");
        driver.tap("#lang-en");
        AppDriver.waitUntil(() -> driver.robot().lookup("#screen-scan .h1").tryQuery().isPresent(), Duration.ofSeconds(5), "rebuilt");
        assertThat(driver.robot().lookup("#screen-scan .h1").queryLabeled().getText()).isEqualTo("Scan a product");
        driver.screenshot("08-english");

        // The choice outlives the app.
        bench.closeApp();
        driver = bench.app(config(), owner -> Optional.empty(), "shopper");
        assertThat(driver.robot().lookup("#screen-scan .h1").queryLabeled().getText()).isEqualTo("Scan a product");
        driver.tap("#nav-profile");
        AppDriver.waitUntil(() -> driver.shows("#consent-contact"), Duration.ofSeconds(10), "profile");
        assertThat(driver.text("#title")).isEqualTo("Profile");
    }

    @Test
    void shopperDownloadsTheirDataAndDeletesTheirAccount() throws Exception {
        server = bench.server(Map.of());
        driver = bench.app(config(), owner -> Optional.empty(), "shopper");
        driver.tap("#nav-profile");
        driver.type("#profile-name", "Eva Muster");
        driver.tap("#profile-save");
        AppDriver.waitUntil(() -> driver.text("#profile-status").equals("Gespeichert."), Duration.ofSeconds(10), "saved");
        String uid = shopperUid();
        assertThat(server.shopper(uid).me().get().contact().name()).isEqualTo("Eva Muster");

        driver.tap("#profile-export");
        AppDriver.waitUntil(() -> driver.text("#data-status").startsWith("Gespeichert unter"), Duration.ofSeconds(10), "export");
        Path export = bench.deviceDir().resolve("exports").resolve("kundenpuls-meine-daten.json");
        assertThat(java.nio.file.Files.readString(export)).contains("Eva Muster").contains(uid);
        driver.screenshot("10-your-data");

        driver.tap("#profile-delete");
        AppDriver.waitUntil(() -> driver.robot().lookup(".dialog-pane").tryQuery().isPresent(), Duration.ofSeconds(5), "confirmation");
        javafx.scene.control.DialogPane confirm = driver.robot().lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(confirm.getContentText()).startsWith("Konto und alle Daten endgültig löschen?");
        driver.screenshot(confirm.getScene(), "11-delete-confirm");
        driver.robot().clickOn("#confirm-delete");
        AppDriver.waitUntil(() -> driver.app().context().settings().shopperUid().map(u -> !u.equals(uid)).orElse(true),
                Duration.ofSeconds(10), "account forgotten on the device");
        // A shopper's own erasure leaves no audit entry with their id; the admin export proves the profile is gone.
        assertThat(server.as("admin", null).exchange("GET", "/api/admin/profiles/" + uid + "/export", null, null).statusCode())
                .isEqualTo(404);
        assertThat(server.shopper(uid).me().get().contact()).as("a fresh, empty profile under the old id")
                .satisfiesAnyOf(c -> assertThat(c).isNull(), c -> assertThat(c.name()).isNull());
    }

    @Test
    void aRatingTheServerRefusesIsToldToTheShopper() throws Exception {
        server = bench.server(Map.of("feedback.min-interval-ms", "60000"));
        driver = bench.app(config(), owner -> Optional.empty(), "shopper");
        rateMilk(4);
        // Again within the server's anti-mashing interval: refused for good, and the card that sent it
        // says so, and only that (no thank-you beside it, no second message elsewhere).
        rateMilk(1);
        AppDriver.waitUntil(() -> driver.text("#feedback-done").contains("zu kurz"), Duration.ofSeconds(10), "refusal shown");
        assertThat(driver.text("#feedback-done")).isEqualTo("Ihre Bewertung kam zu kurz nach der vorigen und wurde nicht gezählt.");
        assertThat(driver.shows("#notification")).isFalse();
        driver.screenshot("12-refused");
        assertThat(server.shopper(shopperUid()).me().export().feedback().answers()).singleElement()
                .satisfies(a -> assertThat(a.rating()).isEqualTo(4));
        assertThat(driver.app().context().outbox().rejectedCount()).isEqualTo(1);
    }

    private void rateMilk(int score) {
        driver.tap("#nav-scan");
        driver.type("#code-field", "4013456000018");
        driver.tap("#code-search");
        driver.tap("#smiley-" + score);
        driver.tap("#feedback-send");
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(10), "outbox sent");
    }
}
