package de.kundenpuls.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import de.kundenpuls.server.google.GoogleStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in real headless Chromium against a real server: sign-in, the dashboard updating
 * live when feedback arrives, answering a case, sending a campaign to the FCM stand-in and
 * watching its funnel, and a catalog import with a bad row. Screenshots go to
 * {@code server/target/screenshots/}.
 */
class ConsoleTest {

    @TempDir
    static Path dir;

    private static TestServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, Map.of("catalog.seed-demo", "true", "feedback.min-interval-ms", "0"));
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @BeforeEach
    void freshSession() {
        browser.get(server.baseUrl() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(server.baseUrl() + "/console/");
    }

    private static org.openqa.selenium.support.ui.FluentWait<WebDriver> waitUpTo(int seconds) {
        // The console re-renders parts of the page on live updates: re-find instead of failing on stale elements.
        return new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static WebElement visible(String css) {
        return waitUpTo(10).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private static void signIn(String role, String store) {
        new Select(visible("#signin-role")).selectByValue(role);
        if (store != null) {
            new Select(visible("#signin-store")).selectByValue(store);
        }
        visible("#signin-submit").click();
        visible("#shell");
    }

    private static void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    private static FeedbackItem answer(int rating, String comment) {
        return answer("berlin-mitte", rating, comment);
    }

    private static FeedbackItem answer(String store, int rating, String comment) {
        return new FeedbackItem(UUID.randomUUID(), store, "checkout", Instant.now().minusSeconds(5), rating, rating * 2,
                2 + rating % 3, Map.of("quality", rating, "staff", 6 - rating), comment, null, null, null, null, null);
    }

    @Test
    void dashboardUpdatesLiveWhenFeedbackArrives() throws Exception {
        screenshot("01-signin");
        signIn("marketer", null);
        String store = "muenchen-schwabing";
        new Select(visible("#dash-store")).selectByValue(store);
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#heatmap tbody tr")).size() == 1);
        String before = visible("#kpi-count").getText();
        screenshot("02-dashboard-before");
        KundenpulsClient app = server.client();
        app.feedback().send(List.of(answer(store, 5, "Sehr freundlich an der Kasse"), answer(store, 4, null)));
        app.feedback().send(List.of(answer(store, 1, "Warteschlange viel zu lang"), answer(store, 2, "Nur eine Kasse offen"),
                answer(store, 1, "Niemand da")));
        waitUpTo(15).until(d -> d.findElement(By.id("kpi-count")).getText().equals("5"));
        assertThat(before).isIn("0", "–");
        waitUpTo(15).until(d -> !d.findElements(By.cssSelector(".toast.alert")).isEmpty());
        waitUpTo(15).until(d -> !d.findElements(By.cssSelector("#alerts .alert-row")).isEmpty());
        assertThat(visible("#worst").getText()).contains("Kasse").contains("Warteschlange viel zu lang");
        assertThat(visible("#kpi-csat").getText()).isEqualTo("40 %");
        screenshot("03-dashboard-live");
    }

    @Test
    void staffAnswerACaseAndTheCustomerReadsIt() throws Exception {
        KundenpulsClient customer = server.as("shopper");
        customer.me().consents(Map.of("contact", true));
        customer.feedback().send(List.of(answer(1, "Die Umkleide war schmutzig")));
        signIn("staff", "berlin-mitte");
        browser.get(server.baseUrl() + "/console/#cases");
        visible("#case-list tr.list-row").click();
        visible("#case-reply").sendKeys("Danke für den Hinweis – wir reinigen jetzt stündlich.");
        screenshot("04-case-open");
        visible("#case-send").click();
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#case-detail .thread")).getText().contains("stündlich"));
        screenshot("05-case-answered");
        Map<?, ?> inbox = customer.get("/api/me/inbox", Map.class);
        assertThat(inbox.toString()).contains("wir reinigen jetzt stündlich");
    }

    @Test
    void campaignIsBuiltSentAndItsFunnelFillsIn() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            KundenpulsClient s = server.as("shopper");
            s.me().patch(Map.of("contact", Map.of("name", "Alex Muster"), "homeStoreId", "hamburg-altona"));
            s.me().consents(Map.of("marketing_push", true));
            s.me().registerDevice("console-device-" + i, "android", "de");
            tokens.add("console-device-" + i);
        }
        signIn("marketer", null);
        browser.get(server.baseUrl() + "/console/#campaigns");
        new Select(visible("#camp-stores")).selectByValue("hamburg-altona");
        visible("#camp-name").sendKeys(" Hamburg");
        waitUpTo(10).until(d -> d.findElement(By.id("camp-size")).getText().equals("12"));
        waitUpTo(10).until(d -> d.findElement(By.id("camp-phone")).getText().contains("Hallo Alex!"));
        screenshot("06-campaign-builder");
        visible("#camp-create").click();
        waitUpTo(20).until(d -> {
            List<WebElement> funnels = d.findElements(By.cssSelector("#camp-list .funnel"));
            return !funnels.isEmpty() && funnels.get(0).findElement(By.cssSelector(".bar.sent")).getText().equals("12");
        });
        screenshot("07-campaign-funnel");
        GoogleStandIn standIn = server.server().identity().standIn().orElseThrow();
        tokens.forEach(t -> assertThat(standIn.deliveredTo(t)).singleElement()
                .satisfies(m -> assertThat(m.title()).isEqualTo("Hallo Alex!")));
    }

    @Test
    void offersAndSurveysAreCreatedAndEdited() throws Exception {
        signIn("marketer", null);
        browser.get(server.baseUrl() + "/console/#offers");
        new Select(visible("#offer-category")).selectByValue("bakery");
        visible("#offer-create").click();
        visible("#offer-list tr.list-row").click();
        WebElement benefit = visible("#offer-benefit");
        benefit.clear();
        benefit.sendKeys("2 für 1");
        visible("#offer-create").click();
        waitUpTo(10).until(d -> d.findElement(By.id("offer-list")).getText().contains("2 für 1"));
        screenshot("10-offers-edited");
        Map<?, ?> offers = server.as("marketer").get("/api/offers", Map.class);
        assertThat((List<?>) offers.get("items")).singleElement().asString().contains("2 für 1");

        browser.get(server.baseUrl() + "/console/#surveys");
        visible("#survey-create").click();
        visible("#survey-list tr.list-row").click();
        WebElement name = visible("#survey-name");
        name.clear();
        name.sendKeys("Kasse neu");
        visible("#survey-create").click();
        waitUpTo(10).until(d -> d.findElement(By.id("survey-list")).getText().contains("Kasse neu"));
        assertThat(visible("#survey-list").getText()).contains("2");
        screenshot("11-surveys-versioned");

        // A wrong survey is explained with its field.
        WebElement questions = visible("#survey-questions");
        questions.clear();
        questions.sendKeys("[{\"id\":\"q\",\"type\":\"stars\",\"text\":{\"de\":\"?\"}}]");
        visible("#survey-create").click();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector(".toast.bad")).stream().anyMatch(e -> e.getText().contains("type")));
        screenshot("12-surveys-error");
    }

    @Test
    void catalogImportShowsTheRowByRowReport() throws Exception {
        signIn("admin", null);
        browser.get(server.baseUrl() + "/console/#admin");
        visible("#store-id").sendKeys("koeln-ehrenfeld");
        visible("#store-name").sendKeys("Kundenpuls Köln Ehrenfeld");
        visible("#store-city").sendKeys("Köln");
        visible("#store-save").click();
        waitUpTo(10).until(d -> d.findElement(By.id("main")).getText().contains("Kundenpuls Köln Ehrenfeld"));
        assertThat(server.client().catalog().touchpoints("koeln-ehrenfeld", "de")).hasSize(6);
        WebElement csv = visible("#import-csv");
        csv.clear();
        csv.sendKeys("gtin,name_de,brand,category,price\n4012345000016,Hafermilch,Oatly,dairy,2.49\n"
                + "4012345000024,Falsch,X,dairy,1.00\n");
        visible("#import-button").click();
        WebElement summary = visible("#import-summary");
        assertThat(summary.getText()).matches("1 (importiert|imported), 1 .*");
        assertThat(visible("#import-rejected").getText()).contains("3").contains("gtin").contains("check digit");
        waitUpTo(10).until(d -> d.findElement(By.id("audit")).getText().contains("catalog.import"));
        screenshot("08-admin-import");
        assertThat(server.client().catalog().product("4012345000016", "de").name()).isEqualTo("Hafermilch");

        // Every API error is shown in words with its field.
        csv.clear();
        csv.sendKeys("gtin,name_de\n1,2\n");
        visible("#import-button").click();
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#import-report .error")).getText().contains("brand"));
        screenshot("09-admin-import-error");
    }
}
