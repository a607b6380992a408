package de.kundenpuls.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three taps and no scrolling on a small phone (360×640), against the real server: after a
 * lookup the faces are in view; a face brings what it was about and "Send" into view; the rating
 * arrives.
 */
class ThreeTapsTest {

    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    @Test
    void faceChipSendWithoutScrollingOnA360x640Phone() {
        RealServer server = bench.server(Map.of());
        AppDriver driver = bench.app(new AppConfig(server.url(), bench.deviceDir(), Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofMillis(300), Duration.ofMillis(500)), owner -> Optional.empty(), "three-taps");
        driver.resize(360, 640);
        driver.tap("#nav-scan");
        driver.type("#code-field", "4013456000018");
        driver.tap("#code-search");
        AppDriver.waitUntil(() -> driver.shows("#product-name"), Duration.ofSeconds(10), "product");

        assertThat(driver.inView("#smiley-2")).as("the faces right after the lookup").isTrue();
        driver.tapInPlace("#smiley-2");
        AppDriver.waitUntil(() -> driver.inView("#feedback-send"), Duration.ofSeconds(5), "send in view after a face");
        assertThat(driver.inView("#chip-availability")).as("what it was about, in view too").isTrue();
        driver.screenshot("after-face-360x640");
        driver.tapInPlace("#chip-availability");
        assertThat(driver.inView("#feedback-send")).isTrue();
        driver.tapInPlace("#feedback-send");
        AppDriver.waitUntil(() -> driver.text("#feedback-done").equals("Danke! Ihre Bewertung ist angekommen."),
                Duration.ofSeconds(10), "arrived");
        assertThat(driver.inView("#feedback-done")).as("the outcome where the shopper looks").isTrue();
        driver.screenshot("sent-360x640");
    }
}
