package de.kundenpuls.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import de.kundenpuls.server.TestServer;
import de.kundenpuls.embedded.GoogleStandIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The production sign-in of the console: the real Firebase JS SDK in headless Chromium signs in
 * with e-mail and password against the local stand-in of Firebase Authentication, and the server
 * verifies the resulting ID token with the Admin SDK's production {@code verifyIdToken}. The dev
 * sign-in is off, as in production.
 */
class ConsoleSignInTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final TestServer SERVER = TestServer.perClass(Map.of("catalog.seed-demo", "true", "dev.enabled", "false",
            "standin.demo-accounts", "false"));
    @org.junit.jupiter.api.extension.RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        GoogleStandIn standIn = SERVER.standIn();
        standIn.addAccount("uid-marketing-1", "lena@kette.example", "richtig-geheim", Map.of("role", "marketer"));
        standIn.addAccount("uid-staff-1", "filiale@kette.example", "kasse-3", Map.of("role", "staff", "store", "hamburg-altona"));
        standIn.addAccount("uid-plain-1", "kunde@kette.example", "einfach", Map.of());
        browser = CHROMIUM.browser();
    }

    private static WebElement visible(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private static void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    private static String errorText() {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("signin-error")).getText().isBlank() ? null
                        : d.findElement(By.id("signin-error")).getText());
    }

    @Test
    void marketerSignsInWithFirebaseStaysSignedInOnReloadAndSignsOut() throws Exception {
        browser.get(SERVER.baseUrl() + "/console/");
        visible("#signin-email");
        assertThat(browser.findElement(By.id("signin-form")).isDisplayed()).as("no dev sign-in in production").isFalse();
        CHROMIUM.screenshot("20-firebase-signin");

        type("#signin-email", "lena@kette.example");
        type("#signin-password", "falsch");
        visible("#signin-firebase-submit").click();
        assertThat(errorText()).isEqualTo("Passwort: Das Passwort ist falsch.");
        assertThat(browser.findElement(By.id("signin-password")).getAttribute("aria-invalid")).isEqualTo("true");
        CHROMIUM.screenshot("21-firebase-wrong-password");

        type("#signin-password", "richtig-geheim");
        visible("#signin-firebase-submit").click();
        visible("#shell");
        assertThat(visible("#who").getText()).isEqualTo("lena@kette.example · Marketing");
        // The dashboard's data came through the API with the SDK's ID token, verified by the SERVER.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#heatmap tbody tr")).size() >= 1);
        String token = (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.parse(sessionStorage.getItem('kp.session')).token");
        assertThat(SERVER.server().identity().verifier().verify(token).uid()).isEqualTo("uid-marketing-1");
        CHROMIUM.screenshot("22-firebase-signed-in");

        browser.navigate().refresh();
        visible("#shell");
        assertThat(visible("#who").getText()).startsWith("lena@kette.example");

        visible("#signout").click();
        visible("#signin-email");
        browser.navigate().refresh();
        visible("#signin-email");
        assertThat(browser.findElement(By.id("shell")).isDisplayed()).as("signed out stays signed out").isFalse();
    }

    @Test
    void unknownAddressAndAccountWithoutRoleAreTurnedAwayInWords() throws Exception {
        browser.get(SERVER.baseUrl() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(SERVER.baseUrl() + "/console/");
        type("#signin-email", "niemand@kette.example");
        type("#signin-password", "egal");
        visible("#signin-firebase-submit").click();
        assertThat(errorText()).isEqualTo("E-Mail-Adresse: Zu dieser E-Mail-Adresse gibt es kein Konto.");

        type("#signin-email", "kunde@kette.example");
        type("#signin-password", "einfach");
        visible("#signin-firebase-submit").click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("signin-error")).getText().contains("keine Rolle"));
        assertThat(browser.findElement(By.id("shell")).isDisplayed()).isFalse();
        CHROMIUM.screenshot("23-firebase-no-role");
    }

    @Test
    void staffAccountIsBoundToItsStoreFromTheClaim() {
        browser.get(SERVER.baseUrl() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(SERVER.baseUrl() + "/console/");
        type("#signin-email", "filiale@kette.example");
        type("#signin-password", "kasse-3");
        visible("#signin-firebase-submit").click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("who")).getText()
                .equals("filiale@kette.example · Marktmitarbeiter/in · Kundenpuls Hamburg Altona"));
        visible("#signout").click();
        visible("#signin-email");
    }
}
