package de.kundenpuls.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import de.kundenpuls.app.support.Answers;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shopper mode on weak store Wi-Fi, against the real server: the app keeps the stores and its
 * store's catalog (revalidated with ETags), looks a product up and takes its rating with the
 * server down, says what waits, and sends it exactly once when the server is back.
 */
class OfflineShopperTest {

    private static final String MILK = "4013456000018";

    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    @Test
    void lookupAndRatingWorkOfflineAndTheRatingArrivesOnceWhenTheServerIsBack() {
        RealServer server = bench.server(Map.of());
        AppDriver driver = bench.app(new AppConfig(server.url(), bench.deviceDir(), Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofMillis(300), Duration.ofMillis(500)), owner -> Optional.empty(), "offline-shopper");
        ShopperApp shopper = driver.app().shopper();
        String store = shopper.currentStore();
        AppDriver.waitUntil(() -> shopper.offlineCatalog().product(store, "de", MILK).isPresent(), Duration.ofSeconds(15),
                "catalog kept on the device");
        // Unchanged on the server: the refresh costs only 304s.
        int before = shopper.offlineCatalog().notModified();
        shopper.refreshOfflineCatalog();
        assertThat(shopper.offlineCatalog().notModified()).isGreaterThan(before);

        server.stop();
        driver.tap("#nav-scan");
        driver.type("#code-field", MILK);
        driver.tap("#code-search");
        AppDriver.waitUntil(() -> driver.shows("#product-name"), Duration.ofSeconds(10), "product from the kept catalog");
        assertThat(driver.text("#product-name")).isEqualTo("Frische Vollmilch 3,5 %");
        driver.tap("#smiley-4");
        driver.tap("#feedback-send");
        assertThat(driver.text("#feedback-done")).startsWith("Danke! Ihre Bewertung ist auf dem Gerät gespeichert");
        AppDriver.waitUntil(() -> driver.shows("#offline-banner"), Duration.ofSeconds(5), "offline banner");
        assertThat(driver.text("#offline-banner")).startsWith("Offline: 1 Bewertung(en) warten auf dem Gerät");
        driver.screenshot("rated-offline");

        // A product the kept catalog does not have: said so in words.
        driver.tap("#nav-scan");
        driver.type("#code-field", "4000000000006");
        driver.tap("#code-search");
        AppDriver.waitUntil(() -> driver.text("#scan-status").contains("nicht im gespeicherten Sortiment"), Duration.ofSeconds(10),
                "not kept");

        server.start();
        driver.app().context().sync().kick();
        AppDriver.waitUntil(() -> driver.app().context().outbox().size() == 0, Duration.ofSeconds(15), "synced");
        AppDriver.waitUntil(() -> !driver.shows("#offline-banner"), Duration.ofSeconds(5), "banner gone");
        assertThat(Answers.count(server, store, "shelf")).isEqualTo(1);
    }
}
