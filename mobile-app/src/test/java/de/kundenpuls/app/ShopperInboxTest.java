package de.kundenpuls.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.profile.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Offers with a scannable redeem code, new offers as in-app notifications, and the dialog with the store. */
class ShopperInboxTest {


    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    private RealServer server;
    private AppDriver driver;

    private void offer(String title, String category) {
        Instant now = Instant.now();
        server.as("marketer", null).send("POST", "/api/offers", new OfferDefinition(Map.of("de", title), Map.of("de", title + " im Markt"),
                null, category, "-20 %", now.minusSeconds(60), now.plus(Duration.ofDays(7)), List.of(), false), OfferView.class);
    }

    @Test
    void offersCarryAScannableCodeAndNewOnesAreAnnounced() throws Exception {
        server = bench.server(Map.of());
        offer("Joghurt-Woche", "dairy");
        driver = bench.app(new AppConfig(server.url(), bench.deviceDir(), Duration.ofSeconds(30), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofMillis(400)), owner -> Optional.empty(), "inbox");

        // The app registered this device for push under the shopper's account.
        AppDriver.waitUntil(() -> driver.app().context().settings().shopperUid().isPresent(), Duration.ofSeconds(10), "account");
        KundenpulsClient me = server.shopper(driver.app().context().settings().shopperUid().get());
        AppDriver.waitUntil(() -> !me.me().get().devices().isEmpty(), Duration.ofSeconds(10), "push registration");
        assertThat(me.me().get().devices()).extracting(Device::platform).containsExactly("desktop");

        driver.tap("#nav-offers");
        AppDriver.waitUntil(() -> driver.robot().lookup(".offer").tryQuery().isPresent(), Duration.ofSeconds(10), "offer card");
        assertThat(driver.robot().lookup(".offer .h2").queryLabeled().getText()).isEqualTo("Joghurt-Woche");
        String code = driver.robot().lookup(".offer .code").queryLabeled().getText();
        ImageView barcode = driver.robot().lookup(".offer .image-view").queryAs(ImageView.class);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                SwingFXUtils.fromFXImage(barcode.getImage(), null))));
        assertThat(new MultiFormatReader().decode(bitmap).getText()).as("the till can scan it").isEqualTo(code);
        driver.screenshot("01-offers");

        offer("Brot-Tage", "bakery");
        AppDriver.waitUntil(() -> driver.shows("#notification") && driver.text("#notification").contains("Brot-Tage"),
                Duration.ofSeconds(10), "in-app notification");
        assertThat(driver.text("#notification")).isEqualTo("Neues Angebot: Brot-Tage – -20 %");
        driver.screenshot("02-notification");
    }

    @Test
    void theStoreAnswersAComplaintAndTheShopperAnswersBack() {
        server = bench.server(Map.of());
        driver = bench.app(new AppConfig(server.url(), bench.deviceDir(), Duration.ofSeconds(30), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofMinutes(5)), owner -> Optional.empty(), "inbox");
        driver.tap("#nav-profile");
        driver.tap("#consent-contact");
        AppDriver.waitUntil(() -> driver.text("#consent-status").equals("Einwilligung gespeichert."), Duration.ofSeconds(10),
                "contact consent");

        driver.tap("#nav-scan");
        driver.type("#code-field", "4013456000018");
        driver.tap("#code-search");
        driver.tap("#smiley-1");
        driver.tap("#feedback-add-comment");
        driver.type("#feedback-comment", "Die Milch war schon sauer.");
        driver.tap("#feedback-send");
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(10), "sent");

        KundenpulsClient staff = server.as("staff", "berlin-mitte");
        List<CaseView> open = staff.cases().list("open");
        assertThat(open).singleElement().satisfies(c -> assertThat(c.comment()).isEqualTo("Die Milch war schon sauer."));
        staff.cases().reply(open.get(0).id(), "Das tut uns leid! Bringen Sie die Packung vorbei, Sie bekommen den Preis erstattet.");

        driver.tap("#nav-dialog");
        AppDriver.waitUntil(() -> driver.robot().lookup(".thread .message-staff").tryQuery().isPresent(), Duration.ofSeconds(10),
                "the store's reply");
        driver.screenshot("03-dialog");
        driver.type(".thread .dialog-answer", "Danke, komme morgen vorbei.");
        driver.tap(".thread .dialog-send");
        AppDriver.waitUntil(() -> staff.cases().list("active").get(0).messages().size() == 2,
                Duration.ofSeconds(10), "answer stored");
        CaseView thread = staff.cases().list("active").get(0);
        assertThat(thread.messages().get(1).author()).isEqualTo("customer");
        assertThat(thread.messages().get(1).text()).isEqualTo("Danke, komme morgen vorbei.");
        AppDriver.waitUntil(() -> driver.robot().lookup(".thread .message-customer").queryAll().size() == 2, Duration.ofSeconds(10),
                "thread reloaded");
        driver.screenshot("04-dialog-answered");
    }
}
