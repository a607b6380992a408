package de.kundenpuls.app.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.control.Labeled;

import de.kundenpuls.app.AppConfig;
import de.kundenpuls.app.settings.AppSettings;
import de.kundenpuls.app.support.AppDriver;
import de.kundenpuls.app.support.AppUnderTest;
import de.kundenpuls.app.support.RealServer;
import de.kundenpuls.model.client.KundenpulsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kiosk fills the screen it stands on: on a 1280×800 tablet and a 1920×1080 screen each of the
 * five faces is at least 15 % of the width, evenly spaced, the question in large type and "Next"
 * no wider than half the screen; on a phone all five still fit side by side.
 */
class KioskLayoutTest {

    @RegisterExtension
    final AppUnderTest bench = new AppUnderTest();

    @Test
    void theAnswersScaleWithTheScreen() {
        RealServer server = bench.server(Map.of());
        String code = server.enrollKiosk("berlin-mitte", "entrance");
        AppSettings.in(bench.deviceDir()).lockKiosk(KundenpulsClient.create(server.url()).kiosks().exchange(code));
        AppDriver driver = bench.app(new AppConfig(server.url(), bench.deviceDir(), Duration.ofMinutes(5), Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofMinutes(5)), owner -> Optional.empty(), "kiosk-layout");
        AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood"), Duration.ofSeconds(10), "kiosk ready");

        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            driver.resize(size[0], size[1]);
            double width = driver.sceneWidth();
            AppDriver.waitUntil(() -> driver.bounds("#kiosk-smiley-1").getWidth() >= 0.15 * width, Duration.ofSeconds(5),
                    "faces scaled to " + size[0]);
            Bounds first = driver.bounds("#kiosk-smiley-1");
            for (int score = 2; score <= 5; score++) {
                Bounds face = driver.bounds("#kiosk-smiley-" + score);
                assertThat(face.getWidth()).as("face %d at %d px", score, size[0]).isGreaterThanOrEqualTo(0.15 * width);
                assertThat(face.getMaxX()).as("inside the screen").isLessThanOrEqualTo(width);
                assertThat(face.getMinY()).as("in one row").isEqualTo(first.getMinY());
            }
            double gap1 = driver.bounds("#kiosk-smiley-2").getMinX() - driver.bounds("#kiosk-smiley-1").getMaxX();
            double gap4 = driver.bounds("#kiosk-smiley-5").getMinX() - driver.bounds("#kiosk-smiley-4").getMaxX();
            assertThat(gap4).as("evenly spaced").isCloseTo(gap1, org.assertj.core.data.Offset.offset(1.0));
            double font = AppDriver.onFx(() -> ((Labeled) driver.robot().lookup("#kiosk-question").query()).getFont().getSize());
            assertThat(font).as("question type at %d px", size[0]).isGreaterThanOrEqualTo(48);
            driver.screenshot("mood-" + size[0] + "x" + size[1]);

            // The second question: its chips and "Next" in proportion, not stretched across the screen.
            driver.tap("#kiosk-smiley-2");
            assertThat(driver.bounds("#kiosk-next").getWidth()).isLessThanOrEqualTo(0.5 * width);
            assertThat(driver.bounds("#kiosk-next").getHeight()).isGreaterThanOrEqualTo(68);
            driver.screenshot("about-" + size[0] + "x" + size[1]);
            driver.tap("#kiosk-next");
            AppDriver.waitUntil(() -> driver.shows("#kiosk-q-mood"), Duration.ofSeconds(10), "next guest");
        }

        driver.resize(390, 844);
        double phone = driver.sceneWidth();
        AppDriver.waitUntil(() -> driver.bounds("#kiosk-smiley-5").getMaxX() <= phone, Duration.ofSeconds(5), "faces fit a phone");
        assertThat(driver.bounds("#kiosk-smiley-1").getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(driver.bounds("#kiosk-smiley-1").getWidth()).isGreaterThanOrEqualTo(44);
        driver.screenshot("mood-390x844");
    }
}
