package de.kundenpuls.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.Question;
import de.kundenpuls.model.survey.SurveyDefinition;
import de.kundenpuls.model.survey.SurveyView;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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

    @org.junit.jupiter.api.extension.RegisterExtension
    static final TestServer SERVER = TestServer.perClass(Map.of("catalog.seed-demo", "true", "feedback.min-interval-ms", "0"));
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TestServer DEMO = TestServer.perClass(Map.of("catalog.seed-demo", "true", "demo.history", "true"));
    /** One contact per week, so that a single survey prompt uses a customer's budget up. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TestServer BUDGET = TestServer.perClass(Map.of("contact-budget.max", "1", "contact-budget.days", "7"));
    @org.junit.jupiter.api.extension.RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = CHROMIUM.browser();
    }

    @BeforeEach
    void freshSession() {
        browser.get(SERVER.baseUrl() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(SERVER.baseUrl() + "/console/");
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

    /** The text of a visible element, read again if a live re-render replaced the element meanwhile. */
    private static String textOf(String css) {
        return waitUpTo(10).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0).getText();
        });
    }

    /** Waits until a live-updated element's text satisfies a condition, then returns that text. */
    private static String awaitText(String css, java.util.function.Predicate<String> condition) {
        return waitUpTo(15).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            String text = found.isEmpty() ? null : found.get(0).getText();
            return text != null && condition.test(text) ? text : null;
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

    private static WebElement question(int index) {
        return waitUpTo(10).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("#survey-questions .question"));
            return all.size() > index ? all.get(index) : null;
        });
    }

    private static void screenshot(String name) throws Exception {
        CHROMIUM.screenshot(name);
    }

    private static FeedbackItem answer(int rating, String comment) {
        return answer("berlin-mitte", rating, comment);
    }

    private static FeedbackItem answer(String store, int rating, String comment) {
        return new FeedbackItem(UUID.randomUUID(), store, "checkout", Instant.now().minusSeconds(5), rating, rating * 2,
                2 + rating % 3, Map.of("quality", rating, "staff", 6 - rating), comment, null, null, null, null,
                "till-" + UUID.randomUUID());
    }

    @Test
    void theLivingDemosFirstScreenTellsItsStory() throws Exception {
        browser.get(DEMO.baseUrl() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(DEMO.baseUrl() + "/console/");
        signIn("marketer", null);
        // Four stores with answers in every cell they have, and Berlin's checkout queue on top of the weakest.
        waitUpTo(15).until(d -> d.findElements(By.cssSelector("#heatmap tbody tr")).size() == 4);
        assertThat(Long.parseLong(awaitText("#kpi-count", t -> t.matches("[0-9.]+")).replace(".", ""))).isGreaterThan(3_000);
        String weakest = awaitText("#worst .weak", t -> !t.isBlank());
        assertThat(weakest).startsWith("Kundenpuls Berlin Mitte · Kasse");
        // Which of the planted queue comments are the newest depends on the hour the demo was seeded:
        // any of them will do, in any case ("Warteschlange", "Schlange").
        assertThat(weakest.toLowerCase(java.util.Locale.ROOT))
                .containsAnyOf("kasse offen", "schlange", "gewartet", "wartezeit", "kasse besetzt", "kasse 2 war zu", "queue");
        assertThat(browser.findElements(By.cssSelector("#heatmap td.muted, #heatmap td.heat-none")))
                .as("no empty or under-sampled cell in a store's own touchpoints")
                .allSatisfy(td -> assertThat(td.getText()).contains("–"));
        screenshot("00-living-demo");
        // What the comments are about: Berlin's queue and Munich's parking are the pain points, with their comments.
        String pain = awaitText("#pain-points", t -> !t.isBlank());
        assertThat(pain).contains("Parkplatz");
        assertThat(pain.toLowerCase(java.util.Locale.ROOT)).containsAnyOf("lange", "gewartet", "schlange", "wartezeit");
        assertThat(browser.findElements(By.cssSelector("#pain-points .topic .comment"))).isNotEmpty();
        assertThat(textOf("#delights")).containsAnyOf("freundlich", "Freundlich", "gut", "schnell");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('topics').scrollIntoView()");
        screenshot("00-living-demo-topics");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        // A target for Berlin: its CSAT is measured against it.
        new Select(visible("#dash-store")).selectByValue("berlin-mitte");
        visible("#target-csat").sendKeys("80");
        visible("#target-nps").sendKeys("10");
        visible("#target-save").click();
        assertThat(awaitText("#kpi-csat-target", t -> !t.isBlank())).isEqualTo("✗ Ziel 80 % verfehlt");
        assertThat(textOf("#kpi-nps-target")).contains("Ziel 10");
        assertThat(DEMO.as("marketer").analytics().targets().get("berlin-mitte"))
                .isEqualTo(new de.kundenpuls.model.analytics.ScoreTarget(80.0, 10.0));
        screenshot("00-living-demo-targets");
        browser.get(DEMO.baseUrl() + "/console/#campaigns");
        assertThat(awaitText("#camp-list", t -> t.contains("Frühstücks-Woche A/B"))).contains("Frühstücks-Woche A/B");
        screenshot("00-living-demo-campaigns");
    }

    @Test
    void dashboardUpdatesLiveWhenFeedbackArrives() throws Exception {
        screenshot("01-signin");
        signIn("marketer", null);
        assertNav("dashboard", "campaigns", "offers", "surveys");
        String store = "muenchen-schwabing";
        new Select(visible("#dash-store")).selectByValue(store);
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#heatmap tbody tr")).size() == 1);
        String before = textOf("#kpi-count");
        screenshot("02-dashboard-before");
        KundenpulsClient app = SERVER.staff(store);
        app.feedback().send(List.of(answer(store, 5, "Sehr freundlich an der Kasse"), answer(store, 4, null)));
        app.feedback().send(List.of(answer(store, 1, "Warteschlange viel zu lang"), answer(store, 2, "Nur eine Kasse offen"),
                answer(store, 1, "Niemand da")));
        waitUpTo(15).until(d -> d.findElement(By.id("kpi-count")).getText().equals("5"));
        assertThat(before).isIn("0", "–");
        waitUpTo(15).until(d -> !d.findElements(By.cssSelector(".toast.alert")).isEmpty());
        waitUpTo(15).until(d -> !d.findElements(By.cssSelector("#alerts .alert-row")).isEmpty());
        assertThat(awaitText("#worst", t -> t.contains("Warteschlange viel zu lang"))).contains("Kasse");
        assertThat(awaitText("#kpi-csat", t -> !t.isBlank() && !t.equals("–"))).isEqualTo("40 %");
        // The dimension chart speaks the console's language and names its two colours.
        Object labels = ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart('dims'); return [c.data.labels, c.data.datasets.map(d => d.label)];");
        @SuppressWarnings("unchecked")
        List<List<Object>> both = (List<List<Object>>) labels;
        assertThat(both).hasSize(2);
        assertThat(both.get(0)).contains("Qualität", "Personal", "Atmosphäre (keine Daten)").doesNotContain("quality");
        assertThat(both.get(1)).anySatisfy(l -> assertThat((String) l).contains("funktional"))
                .anySatisfy(l -> assertThat((String) l).contains("emotional"));
        screenshot("03-dashboard-live");
    }

    @Test
    void dashboardCellsShowTheirSampleAndTheWeakestShowOnlyUnhappyComments() throws Exception {
        String store = "wien-neubau";
        KundenpulsClient till = SERVER.staff(store);
        Instant now = Instant.now();
        java.util.function.BiFunction<Integer, String, FeedbackItem> at = (rating, comment) -> new FeedbackItem(UUID.randomUUID(),
                store, "checkout", now.minusSeconds(30), rating, rating * 2, 3, Map.of("quality", rating), comment, null, null,
                null, null, "till-" + UUID.randomUUID());
        till.feedback().send(List.of(at.apply(1, "Kasse ewig nicht besetzt"), at.apply(2, "Zu lange gewartet"),
                at.apply(5, "Super freundlich"), at.apply(4, null), at.apply(5, null)));
        till.feedback().send(List.of(
                new FeedbackItem(UUID.randomUUID(), store, "service-desk", now.minusSeconds(20), 1, null, null, null, null, null,
                        null, null, null, null),
                new FeedbackItem(UUID.randomUUID(), store, "service-desk", now.minusSeconds(10), 2, null, null, null, null, null,
                        null, null, null, null),
                // In the 28 days before the default range: the KPIs compare with it.
                new FeedbackItem(UUID.randomUUID(), store, "checkout", now.minus(Duration.ofDays(29)), 5, 10, null, null, null,
                        null, null, null, null, null)));
        signIn("marketer", null);
        new Select(visible("#dash-store")).selectByValue(store);
        // Columns by their heading (the first heading is the stores' column).
        List<String> heads = waitUpTo(15).until(d -> {
            List<String> found = d.findElements(By.cssSelector("#heatmap thead th")).stream().map(WebElement::getText).toList();
            return found.contains("Kasse") ? found : null;
        });
        int checkoutColumn = heads.indexOf("Kasse") - 1;
        WebElement checkout = waitUpTo(15).until(d -> {
            List<WebElement> row = d.findElements(By.cssSelector("#heatmap tbody td.cell"));
            return row.size() > checkoutColumn && row.get(checkoutColumn).getText().contains("n = 5") ? row.get(checkoutColumn) : null;
        });
        List<WebElement> cells = browser.findElements(By.cssSelector("#heatmap tbody td.cell"));
        assertThat(checkout.getText()).startsWith("60");
        // Two answers are no verdict: grey, n only.
        WebElement desk = cells.get(heads.indexOf("Servicetheke") - 1);
        assertThat(desk.getDomAttribute("class")).contains("low-n");
        assertThat(desk.getText()).isEqualTo("n = 2");
        assertThat(cells.get(heads.indexOf("Eingang") - 1).getDomAttribute("class")).contains("no-data");
        String worst = awaitText("#worst", t -> t.contains("Kasse ewig nicht besetzt"));
        assertThat(worst).contains("Zu lange gewartet", "n = 5").doesNotContain("Super freundlich").doesNotContain("Servicetheke");
        // 7 answers now against 1 in the 28 days before; CSAT 3 of 7 (42.9 %) against 100 %.
        assertThat(awaitText("#kpi-count-delta", t -> t.contains("+"))).startsWith("▲ +6 ");
        assertThat(textOf("#kpi-csat-delta")).startsWith("▼ -57.1 pp");
        // By month the running month is marked; staff and the other dimensions were not rated.
        new Select(visible("#dash-granularity")).selectByValue("month");
        waitUpTo(15).until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "const c = Chart.getChart('trend'); return c ? c.data.labels.join('|') : '';")).contains("(laufend)"));
        Object dims = ((JavascriptExecutor) browser).executeScript("return Chart.getChart('dims').data.labels;");
        assertThat(((List<?>) dims).stream().map(String::valueOf).toList()).contains("Qualität", "Personal (keine Daten)");
        screenshot("09-dashboard-depth");
        // A cell opens its answers, newest first, with their scores and comments.
        waitUpTo(10).until(d -> {
            List<WebElement> row = d.findElements(By.cssSelector("#heatmap tbody td.cell"));
            return row.size() > checkoutColumn ? row.get(checkoutColumn) : null;
        }).click();
        waitUpTo(15).until(d -> d.findElements(By.cssSelector("#drill-list .answer")).size() == 5);
        String drill = textOf("#drill");
        assertThat(drill).contains("Kundenpuls Wien Neubau · Kasse", "Kasse ewig nicht besetzt", "Super freundlich", "★1", "Kein Kommentar");
        assertThat(browser.findElement(By.id("drill-more")).isDisplayed()).isFalse();
        screenshot("11-dashboard-drilldown");
        // The cell's answers as a file, downloaded and opened.
        java.nio.file.Path downloads = CHROMIUM.downloads();
        visible("#drill-export-csv").click();
        java.nio.file.Path file = downloads.resolve("kundenpuls-answers.csv");
        waitUpTo(15).until(d -> Files.exists(file) && file.toFile().length() > 0);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("\uFEFFid,createdAt,storeId,touchpoint,rating");
        assertThat(String.join("\n", lines)).contains("Kasse ewig nicht besetzt", "wien-neubau").doesNotContain("hamburg-altona", "muenchen-schwabing");
        // Filtered by a category these answers did not rate, the cell has no data.
        new Select(visible("#dash-category")).selectByValue("dairy");
        waitUpTo(15).until(d -> {
            List<WebElement> row = d.findElements(By.cssSelector("#heatmap tbody td.cell"));
            return row.size() > checkoutColumn && row.get(checkoutColumn).getDomAttribute("class").contains("no-data");
        });
        assertThat(textOf("#kpi-count")).isEqualTo("0");
        new Select(visible("#dash-category")).selectByValue("");
        // A range without answers says so instead of drawing empty axes.
        // Dates are typed in the console's language, whatever the browser's.
        WebElement fromField = visible("#dash-from input");
        assertThat(fromField.getAttribute("placeholder")).isEqualTo("TT.MM.JJJJ");
        assertThat(fromField.getAttribute("value")).matches("\\d{2}\\.\\d{2}\\.\\d{4}");
        fromField.clear();
        fromField.sendKeys("31.02.2020", Keys.TAB);
        assertThat(fromField.getAttribute("aria-invalid")).as("no such day").isEqualTo("true");
        WebElement toField = visible("#dash-to input");
        toField.clear();
        toField.sendKeys("31.1.2020", Keys.TAB);
        fromField.clear();
        fromField.sendKeys("1.1.2020", Keys.TAB);
        assertThat(fromField.getAttribute("value")).isEqualTo("01.01.2020");
        assertThat(toField.getAttribute("value")).isEqualTo("31.01.2020");
        assertThat(fromField.getAttribute("aria-invalid")).isNull();
        waitUpTo(15).until(d -> d.findElement(By.id("trend-empty")).isDisplayed() && d.findElement(By.id("dims-empty")).isDisplayed());
        assertThat(browser.findElement(By.id("trend")).isDisplayed()).isFalse();
        assertThat(textOf("#kpi-csat-delta")).isEqualTo("keine Antworten im Zeitraum davor");
        screenshot("10-dashboard-no-data");
    }

    /** Waits until the sidebar offers exactly these pages, in order (the console sets them once it knows the role). */
    private static void assertNav(String... pages) {
        List<String> expected = List.of(pages);
        waitUpTo(10).until(d -> d.findElements(By.cssSelector(".sidebar a[data-view]")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getDomAttribute("data-view")).toList().equals(expected));
    }

    @Test
    void staffAnswerACaseAndTheCustomerReadsIt() throws Exception {
        KundenpulsClient customer = SERVER.as("shopper");
        customer.me().consents(Map.of("contact", true));
        customer.feedback().send(List.of(answer(1, "Die Umkleide war schmutzig")));
        signIn("staff", "berlin-mitte");
        // Staff see their pages only; a link to another page leads to the dashboard.
        browser.get(SERVER.baseUrl() + "/console/#campaigns");
        waitUpTo(10).until(d -> "dashboard".equals(d.findElement(By.tagName("body")).getDomAttribute("data-view")));
        assertNav("dashboard", "cases", "kiosks");
        browser.get(SERVER.baseUrl() + "/console/#cases");
        visible("#case-list tr.list-row").click();
        visible("#case-reply").sendKeys("Danke für den Hinweis – wir reinigen jetzt stündlich.");
        screenshot("04-case-open");
        visible("#case-send").click();
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#case-detail .thread")).getText().contains("stündlich"));
        screenshot("05-case-answered");
        assertThat(customer.cases().inbox()).singleElement().extracting(c -> c.messages().get(c.messages().size() - 1).text())
                .isEqualTo("Danke für den Hinweis – wir reinigen jetzt stündlich.");
    }

    @Test
    void aCaseShowsItsContactOnlyWithConsentIsTakenAndAnsweredFromATemplate() throws Exception {
        KundenpulsClient customer = SERVER.as("shopper");
        customer.me().patch(Map.of("contact", Map.of("name", "Mia Rückruf", "email", "mia@example.org", "city", "München")));
        customer.me().consents(Map.of("contact", true));
        // Hamburg: the dashboard test counts Munich's answers on this shared server.
        customer.feedback().send(List.of(answer("hamburg-altona", 1, "Bitte rufen Sie mich an, niemand an der Kasse")));
        signIn("staff", "hamburg-altona");
        browser.get(SERVER.baseUrl() + "/console/#cases");
        WebElement row = waitUpTo(10).until(d -> d.findElements(By.cssSelector("#case-list tr.list-row")).stream()
                .filter(r -> r.getText().contains("Bitte rufen Sie mich an")).findFirst().orElse(null));
        assertThat(row.getText()).contains("fällig in");
        row.click();
        assertThat(awaitText("#case-customer", t -> t.contains("Mia"))).contains("Mia Rückruf", "mia@example.org", "München");
        assertThat(textOf("#case-answer")).contains("Kasse", "★1", "Qualität", "★5").doesNotContain("[object");
        assertThat(textOf("#case-sla")).startsWith("fällig in");
        assertThat(textOf("#case-assignee")).isEqualTo("noch niemandem zugewiesen");
        assertThat(textOf("#case-outcome")).contains("noch keine Antwort im Dialog", "seitdem nicht erneut bewertet");
        visible("#case-take").click();
        waitUpTo(10).until(d -> d.findElement(By.id("case-assignee")).getText().equals("Ihnen zugewiesen"));
        new Select(visible("#case-template")).selectByVisibleText("Rückruf");
        assertThat(visible("#case-reply").getDomProperty("value")).startsWith("Danke für Ihre Nachricht. Wir rufen Sie gern zurück");
        screenshot("05b-case-detail");
        visible("#case-send").click();
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#case-detail .thread")).getText().contains("Wir rufen Sie gern zurück"));

        // Jonas works Hamburg's cases too: the case goes to him, by name.
        KundenpulsClient jonas = SERVER.client().withToken(SERVER.client().dev().staff("hamburg-altona", "Jonas Weber").token());
        jonas.get("/api/cases", com.fasterxml.jackson.databind.JsonNode.class);
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#case-list tr.list-row")).stream()
                .filter(r -> r.getText().contains("Bitte rufen Sie mich an")).findFirst().orElse(null)).click();
        new Select(visible("#case-assign")).selectByVisibleText("Jonas Weber");
        waitUpTo(10).until(d -> d.findElement(By.id("case-assignee")).getText().equals("zugewiesen an Jonas Weber"));
        screenshot("05c-case-assigned");
        assertThat(jonas.get("/api/cases", com.fasterxml.jackson.databind.JsonNode.class).path("items")).anySatisfy(item -> {
            assertThat(item.path("comment").asText()).startsWith("Bitte rufen Sie mich an");
            assertThat(item.path("assigneeName").asText()).isEqualTo("Jonas Weber");
        });

        // The customer withdraws the contact consent: staff no longer see how to reach them.
        customer.me().consents(Map.of("contact", false));
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#case-list tr.list-row")).stream()
                .filter(r -> r.getText().contains("Bitte rufen Sie mich an")).findFirst().orElse(null)).click();
        assertThat(awaitText("#case-customer", t -> !t.isBlank())).startsWith("Keine Kontakt-Einwilligung").doesNotContain("mia@");
    }

    @Test
    void aCaseIsAnsweredWithTheKeyboardAlone() throws Exception {
        KundenpulsClient customer = SERVER.as("shopper");
        customer.me().consents(Map.of("contact", true));
        customer.feedback().send(List.of(answer("hamburg-altona", 1, "Kein Wechselgeld an der Kasse")));

        WebElement role = visible("#signin-role");
        for (int i = 0; i < 5 && !"staff".equals(role.getDomProperty("value")); i++) {
            role.sendKeys(Keys.ARROW_DOWN);
        }
        WebElement store = visible("#signin-store");
        for (int i = 0; i < 10 && !"hamburg-altona".equals(store.getDomProperty("value")); i++) {
            store.sendKeys(Keys.ARROW_DOWN);
        }
        visible("#signin-submit").sendKeys(Keys.ENTER);
        visible("#shell");
        browser.findElement(By.cssSelector(".sidebar a[data-view=cases]")).sendKeys(Keys.ENTER);
        waitUpTo(10).until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
        WebElement row = waitUpTo(10).until(d -> d.findElements(By.cssSelector("#case-list tr.list-row")).stream()
                .filter(r -> r.getText().contains("Kein Wechselgeld")).findFirst().orElse(null));
        row.sendKeys(Keys.ENTER);
        waitUpTo(10).until(d -> "case-reply".equals(d.switchTo().activeElement().getAttribute("id")));
        WebElement reply = browser.switchTo().activeElement();
        reply.sendKeys("Ab morgen liegt mehr Wechselgeld bereit.");
        reply.sendKeys(Keys.TAB);
        WebElement send = browser.switchTo().activeElement();
        assertThat(send.getAttribute("id")).isEqualTo("case-send");
        assertThat(((JavascriptExecutor) browser).executeScript("return getComputedStyle(document.activeElement).outlineStyle"))
                .as("focus is visible").isNotEqualTo("none");
        screenshot("16-keyboard-case");
        send.sendKeys(Keys.ENTER);
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#case-detail .thread")).getText().contains("Wechselgeld bereit"));
        waitUpTo(10).until(d -> "case-reply".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(customer.cases().inbox()).flatExtracting(c -> c.messages()).extracting(m -> m.text())
                .contains("Ab morgen liegt mehr Wechselgeld bereit.");
    }

    @Test
    void aCampaignIsDraftedTestedOnTheOwnPhoneReviewedSentAndItsFunnelFillsIn() throws Exception {
        Instant now = Instant.now();
        var offer = SERVER.as("marketer").offers().create(new de.kundenpuls.model.offer.OfferDefinition(
                Map.of("de", "Frühstück in Altona", "en", "Breakfast in Altona"), Map.of(), null, "dairy", "-20 %",
                now.minusSeconds(60), now.plus(Duration.ofDays(7)), List.of("hamburg-altona"), false));
        List<KundenpulsClient> shoppers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            KundenpulsClient s = SERVER.as("shopper");
            s.me().patch(Map.of("contact", Map.of("name", "Alex Muster"), "homeStoreId", "hamburg-altona"));
            s.me().consents(Map.of("marketing_push", true));
            s.me().registerDevice("console-device-" + i, "android", "de");
            tokens.add("console-device-" + i);
            shoppers.add(s);
        }
        signIn("marketer", null);
        // The marketer's own phone, registered by the app under the same account as this console session.
        String sessionToken = (String) ((JavascriptExecutor) browser)
                .executeScript("return JSON.parse(sessionStorage.getItem('kp.session')).token");
        SERVER.client().withToken(sessionToken).me().registerDevice("marketer-phone", "android", "de");
        browser.get(SERVER.baseUrl() + "/console/#campaigns");
        assertThat(visible("#camp-name").getAttribute("value")).as("sample texts are hints, not values").isEmpty();
        assertThat(visible("#camp-title-de").getAttribute("placeholder")).isEqualTo("Hallo {firstName}!");
        assertThat(visible("#camp-title-de").getAttribute("value")).isEmpty();
        visible("#camp-stores input[value='hamburg-altona']").click();
        new Select(visible("#camp-offer")).selectByValue(offer.id());
        visible("#camp-name").sendKeys("Frühstück Hamburg");
        visible("#camp-title-de").sendKeys("Hallo {firstName}!");
        visible("#camp-body-de").sendKeys("Neu in {store}: {offer}");
        visible("#camp-title-en").sendKeys("Hi {firstName}!");
        visible("#camp-body-en").sendKeys("New at {store}: {offer}");
        assertThat(visible("#camp-title-b").isEnabled()).as("variant B waits for the A/B switch").isFalse();
        visible("#camp-ab").click();
        visible("#camp-title-b").sendKeys("Nur diese Woche, {firstName}");
        visible("#camp-body-b").sendKeys("{offer} in {store}");
        assertThat(textOf("#camp-empty")).startsWith("Noch keine Kampagne gesendet");
        waitUpTo(10).until(d -> d.findElement(By.id("camp-size")).getText().equals("12"));
        waitUpTo(10).until(d -> d.findElement(By.id("camp-phone")).getText().contains("Hallo Alex!"));
        assertThat(textOf("#camp-phone")).contains("Kundenpuls", "jetzt", "Neu in Kundenpuls Hamburg Altona: -20 % Frühstück in Altona");
        visible("#camp-preview-locale [data-value='en']").click();
        waitUpTo(10).until(d -> d.findElement(By.id("camp-phone")).getText().contains("Hi Alex!"));
        visible("#camp-preview-variant [data-value='B']").click();
        waitUpTo(10).until(d -> d.findElement(By.id("camp-phone")).getText().contains("Nur diese Woche, Alex"));
        screenshot("06-campaign-builder");

        // A draft is saved and listed; nothing has gone out.
        visible("#camp-save").click();
        waitUpTo(10).until(d -> d.findElement(By.id("camp-drafts")).getText().contains("Frühstück Hamburg"));
        assertThat(SERVER.as("marketer").campaigns().list()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo("draft"));
        GoogleStandIn standIn = SERVER.standIn();
        assertThat(standIn.deliveredTo("marketer-phone")).isEmpty();
        tokens.forEach(t -> assertThat(standIn.deliveredTo(t)).as(t).isEmpty());

        // The test send reaches the marketer's phone with both variants, and nobody else.
        visible("#camp-test").click();
        waitUpTo(10).until(d -> standIn.deliveredTo("marketer-phone").size() == 2);
        assertThat(standIn.deliveredTo("marketer-phone")).extracting(GoogleStandIn.Delivered::title)
                .containsExactlyInAnyOrder("Hallo!", "Nur diese Woche,");
        tokens.forEach(t -> assertThat(standIn.deliveredTo(t)).as(t).isEmpty());

        // The review names what will happen before anything goes out.
        visible("#camp-create").click();
        String review = awaitText("#camp-review", t -> t.contains("Personen senden?"));
        assertThat(review).contains("An 12 Personen senden?", "Heimatmärkte: Kundenpuls Hamburg Altona", "A 50 % (≈ 6) · B 50 % (≈ 6)",
                "Geht sofort raus", "-20 % Frühstück in Altona");
        assertThat(tokens).allSatisfy(t -> assertThat(standIn.deliveredTo(t)).isEmpty());
        screenshot("06b-campaign-review");
        assertThat(visible("#camp-confirm-send").getText()).isEqualTo("An 12 Personen senden");
        visible("#camp-confirm-send").click();
        waitUpTo(20).until(d -> {
            List<WebElement> funnels = d.findElements(By.cssSelector("#camp-list .funnel"));
            return !funnels.isEmpty() && funnels.get(0).findElement(By.cssSelector(".bar.sent")).getText().equals("12");
        });
        tokens.forEach(t -> assertThat(standIn.deliveredTo(t)).singleElement()
                .satisfies(m -> assertThat(m.title()).isIn("Hallo Alex!", "Nur diese Woche, Alex")));
        assertThat(standIn.deliveredTo("marketer-phone")).as("the marketer gave no push consent").hasSize(2);
        assertThat(textOf("#camp-drafts")).contains("Keine Entwürfe");

        // Five open the message, two of them redeem the offer at the till: the funnel follows without a reload.
        String campaignId = browser.findElement(By.cssSelector("#camp-list .funnel")).getAttribute("data-campaign");
        KundenpulsClient till = SERVER.staff("hamburg-altona");
        for (int i = 0; i < 5; i++) {
            assertThat(shoppers.get(i).me().opened(campaignId).recorded()).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            String code = shoppers.get(i).me().offers("de").stream().filter(o -> offer.id().equals(o.offerId()))
                    .map(o -> o.code()).findFirst().orElseThrow();
            till.offers().redeem(code);
        }
        waitUpTo(10).until(d -> {
            WebElement funnel = d.findElement(By.cssSelector("#camp-list .funnel"));
            return funnel.findElement(By.cssSelector(".bar.opened")).getText().equals("5")
                    && funnel.findElement(By.cssSelector(".bar.redeemed")).getText().equals("2");
        });
        // The funnel is live: read it again whenever a re-render replaced it.
        assertThat(textOf("#camp-list .funnel .bar.targeted")).isEqualTo("12");
        assertThat(textOf("#camp-list .funnel .pill")).isEqualTo("gesendet");
        var stats = SERVER.as("marketer").campaigns().get(campaignId).stats().variants();
        var a = stats.get("A");
        String expectedA = a.sent() == 0 ? "–" : percent(a.opened(), a.sent());
        assertThat(textOf("#camp-list .funnel .rates tr[data-variant='A'] td:nth-child(3)").replace('\u00a0', ' ')).startsWith(expectedA + " " + a.opened() + "/" + a.sent());
        assertThat(textOf("#camp-list .funnel .rates tr[data-variant='A'] td:nth-child(2)").replace('\u00a0', ' ')).startsWith("100 % ");
        assertThat(textOf("#camp-list .funnel .verdicts li[data-rate='opened/sent']"))
                .startsWith("Geöffnet von gesendet: A ").endsWith("noch zu wenige für eine Aussage");
        scrollTo("#camp-list");
        screenshot("07-campaign-funnel");
    }

    @Test
    void theReviewWarnsOfCustomersOverTheirContactBudgetAndTheFunnelCountsThemAsSkipped() throws Exception {
        KundenpulsClient marketer = BUDGET.as("marketer");
        marketer.sendBytes("POST", "/api/surveys", """
                {"name":"Kasse","allowPartial":false,"targeting":{"storeIds":["berlin-mitte"]},
                 "questions":[{"id":"mood","type":"smiley","text":{"de":"Wie war Ihr Einkauf?","en":"How was it?"},"required":true}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", SurveyView.class);
        List<KundenpulsClient> shoppers = new ArrayList<>();
        for (String phone : List.of("budget-ana", "budget-ben")) {
            KundenpulsClient s = BUDGET.as("shopper");
            s.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel"), "homeStoreId", "berlin-mitte"));
            s.me().consents(Map.of("marketing_push", true));
            s.me().registerDevice(phone, "android", "de");
            shoppers.add(s);
        }
        // Ana's app showed her the survey: her one contact this week.
        assertThat(shoppers.get(0).exchange("GET", "/api/surveys/active?storeId=berlin-mitte&touchpoint=checkout", null, null)
                .statusCode()).isEqualTo(200);
        String draft = marketer.sendBytes("POST", "/api/campaigns", """
                {"name":"Wochenende Berlin","audience":{"homeStoreIds":["berlin-mitte"]},
                 "variants":[{"locale":"de","title":"Hallo {firstName}","body":"Neu in {store}"}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", de.kundenpuls.model.campaign.CampaignView.class).id();

        browser.get(BUDGET.baseUrl() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        // A link to the campaigns followed while signed out: the sign-in shows, no page renders
        // without a session, and the campaigns open once signed in.
        browser.get(BUDGET.baseUrl() + "/console/#campaigns");
        signIn("marketer", null);
        assertThat(browser.findElements(By.cssSelector("#toasts .toast.bad"))).extracting(WebElement::getText).isEmpty();
        visible("#camp-drafts [data-draft='" + draft + "']").click();
        waitUpTo(10).until(d -> d.findElement(By.id("camp-size")).getText().equals("2"));
        visible("#camp-create").click();
        assertThat(awaitText("#camp-review-budget", t -> !t.isBlank()))
                .isEqualTo("1 davon haben ihr Kontaktbudget ausgeschöpft (1 je 7 Tage, Umfragen und Kampagnen zusammen) und werden übersprungen.");
        assertThat(visible("#camp-review-budget").getAttribute("class")).contains("warn");
        screenshot("07b-campaign-review-contact-budget");
        visible("#camp-confirm-send").click();
        String skipped = awaitText("#camp-list .funnel[data-campaign='" + draft + "'] .skipped-budget", t -> !t.isBlank());
        assertThat(skipped).isEqualTo("(davon wegen Kontaktbudget übersprungen: 1)");
        waitUpTo(20).until(d -> d.findElement(By.cssSelector("#camp-list .funnel[data-campaign='" + draft + "'] .bar.sent"))
                .getText().equals("1"));
        assertThat(BUDGET.standIn().deliveredTo("budget-ana")).isEmpty();
        assertThat(BUDGET.standIn().deliveredTo("budget-ben")).hasSize(1);
        scrollTo("#camp-list");
        screenshot("07c-campaign-funnel-contact-budget");
    }

    /** A rate as the console writes it in German, to one decimal: "41,7 %", "100 %". */
    private static String percent(long k, long n) {
        double pct = Math.round(1000.0 * k / n) / 10.0;
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct).replace('.', ',')) + " %";
    }

    @Test
    void everyScreenFitsADesktopATabletAndAPhone() throws Exception {
        browser.get(DEMO.baseUrl() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        browser.get(DEMO.baseUrl() + "/console/");
        signIn("admin", null);
        Map<String, String> content = new java.util.LinkedHashMap<>();
        content.put("dashboard", "#heatmap tbody tr");
        content.put("cases", "#case-list .list-row");
        content.put("kiosks", "#kiosk-fleet tbody tr");
        content.put("campaigns", "#camp-list .funnel");
        content.put("offers", "#offer-list tr");
        content.put("surveys", "#survey-form");
        content.put("admin", "#audit tr");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            for (int width : new int[] {1400, 1024, 390}) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                for (Map.Entry<String, String> view : content.entrySet()) {
                    js.executeScript("location.hash = arguments[0]", "#" + view.getKey());
                    waitUpTo(15).until(d -> view.getKey().equals(d.findElement(By.tagName("body")).getAttribute("data-view"))
                            && !d.findElements(By.cssSelector(view.getValue())).isEmpty());
                    settled();
                    Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                    assertThat(overflow.intValue()).as("%s at %d px overflows sideways", view.getKey(), width).isLessThanOrEqualTo(0);
                    screenshot("layout-" + width + "-" + view.getKey());
                }
            }
            // At 390 px: the navigation is a menu button, every target is at least 44 px high.
            assertThat(browser.findElement(By.cssSelector(".sidebar a[data-view=dashboard]")).isDisplayed()).isFalse();
            visible("#menu").click();
            visible(".sidebar a[data-view=campaigns]").click();
            waitUpTo(10).until(d -> "campaigns".equals(d.findElement(By.tagName("body")).getAttribute("data-view")));
            assertThat(browser.findElement(By.cssSelector(".sidebar a[data-view=dashboard]")).isDisplayed())
                    .as("picking a page folds the menu").isFalse();
            visible("#camp-list .funnel");
            settled();
            Object small = js.executeScript("return [...document.querySelectorAll('main button, main .chip, main select, #menu')]"
                    + ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
                    + ".map(e => e.id || e.textContent.trim())");
            assertThat((List<?>) small).as("touch targets under 44 px").isEmpty();
            screenshot("layout-390-menu-closed");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    /** Waits until the page stops adding elements (its data has arrived and rendered). */
    private static void settled() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long[] last = {-1};
        waitUpTo(10).pollingEvery(Duration.ofMillis(300)).until(d -> {
            long now = ((Number) js.executeScript("return document.querySelectorAll('main *').length")).longValue();
            boolean same = now == last[0];
            last[0] = now;
            return same;
        });
    }

    @Test
    void offersAreCreatedAndEdited() throws Exception {
        signIn("marketer", null);
        browser.get(SERVER.baseUrl() + "/console/#offers");
        new Select(visible("#offer-category")).selectByValue("bakery");
        visible("#offer-create").click();
        visible("#offer-list tr.list-row").click();
        WebElement benefit = visible("#offer-benefit");
        benefit.clear();
        benefit.sendKeys("2 für 1");
        visible("#offer-create").click();
        waitUpTo(10).until(d -> d.findElement(By.id("offer-list")).getText().contains("2 für 1"));
        screenshot("10-offers-edited");
        // Other tests of this class add offers of their own to the shared server: this one is the breakfast week.
        assertThat(SERVER.as("marketer").offers().list()).filteredOn(o -> "Frühstücks-Woche".equals(o.definition().title().get("de")))
                .singleElement().satisfies(o -> assertThat(o.definition().benefit()).isEqualTo("2 für 1"));
    }

    @Test
    void surveyIsBuiltInTheFormWithChoicesSkipLogicAndTargeting() throws Exception {
        signIn("marketer", null);
        browser.get(SERVER.baseUrl() + "/console/#surveys");
        visible("#survey-name").sendKeys("Kasse am Abend");
        new Select(visible("#survey-touchpoints")).selectByValue("checkout");
        new Select(visible("#survey-stores")).selectByValue("berlin-mitte");
        visible("#survey-add-question").click();
        WebElement second = question(1);
        new Select(second.findElement(By.cssSelector("[data-part=type]"))).selectByValue("multiple");
        second = question(1);
        second.findElement(By.cssSelector("[data-part=text-de]")).sendKeys("Was hat gestört?");
        second.findElement(By.cssSelector("[data-part=text-en]")).sendKeys("What went wrong?");
        second.findElement(By.cssSelector("[data-part=add-option]")).click();
        second = question(1);
        List<WebElement> choices = second.findElements(By.cssSelector("[data-part=option-de]"));
        assertThat(choices).hasSize(3);
        choices.get(0).sendKeys("Warteschlange");
        choices.get(1).sendKeys("Ware fehlte");
        choices.get(2).sendKeys("Personal unfreundlich");
        new Select(second.findElement(By.cssSelector("[data-part=showif-question]"))).selectByValue("mood");

        // Skip logic without a value is refused by the server and shown on the group it concerns.
        visible("#survey-create").click();
        waitUpTo(10).until(d -> d.findElement(By.id("survey-error")).getText()
                .equals("Frage 2 › Anzeigen › Werte: braucht mindestens einen Wert"));
        assertThat(question(1).findElement(By.cssSelector(".any-of")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("12-surveys-error");
        assertThat(SERVER.as("marketer").surveys().list()).isEmpty();

        List<WebElement> moods = question(1).findElements(By.cssSelector("[data-part=showif-value]"));
        assertThat(moods).extracting(e -> e.getAttribute("value")).containsExactly("1", "2", "3", "4", "5");
        moods.get(0).click();
        moods.get(1).click();
        screenshot("11-surveys-editor");
        visible("#survey-create").click();
        waitUpTo(10).until(d -> d.findElement(By.id("survey-list")).getText().contains("Kasse am Abend"));

        SurveyDefinition definition = SERVER.as("marketer").surveys().list().get(0).definition();
        assertThat(definition.questions()).hasSize(2);
        Question why = definition.questions().get(1);
        assertThat(why.type()).isEqualTo("multiple");
        assertThat(why.text()).isEqualTo(Map.of("de", "Was hat gestört?", "en", "What went wrong?"));
        assertThat(why.options()).hasSize(3);
        assertThat(why.showIf()).isEqualTo(new Question.ShowIf("mood", List.of("1", "2")));
        assertThat(definition.targeting()).isEqualTo(new SurveyDefinition.Targeting(List.of("berlin-mitte"), List.of("checkout"),
                List.of()));

        // Editing loads the form; a new free-text question moved to the top makes version 2.
        visible("#survey-list tr.list-row").click();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#survey-questions .question")).size() == 2);
        visible("#survey-add-question").click();
        WebElement third = question(2);
        new Select(third.findElement(By.cssSelector("[data-part=type]"))).selectByValue("text");
        question(2).findElement(By.cssSelector("[data-part=text-de]")).sendKeys("Was können wir besser machen?");
        question(2).findElement(By.cssSelector("[data-part=up]")).click();
        assertThat(question(1).findElement(By.cssSelector("[data-part=text-de]")).getAttribute("value"))
                .isEqualTo("Was können wir besser machen?");
        visible("#survey-create").click();
        waitUpTo(10).until(d -> d.findElement(By.id("survey-list")).getText().contains("3 Fragen"));
        SurveyView v2 = SERVER.as("marketer").surveys().list().get(0);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.definition().questions()).extracting(Question::type).containsExactly("smiley", "text", "multiple");
        screenshot("13-surveys-versioned");
    }

    @Test
    void catalogImportShowsTheRowByRowReport() throws Exception {
        signIn("admin", null);
        browser.get(SERVER.baseUrl() + "/console/#admin");
        visible("#store-id").sendKeys("koeln-ehrenfeld");
        visible("#store-name").sendKeys("Kundenpuls Köln Ehrenfeld");
        visible("#store-city").sendKeys("Köln");
        visible("#store-save").click();
        waitUpTo(10).until(d -> d.findElement(By.id("main")).getText().contains("Kundenpuls Köln Ehrenfeld"));
        assertThat(SERVER.client().catalog().touchpoints("koeln-ehrenfeld", "de")).hasSize(6);
        WebElement csv = visible("#import-csv");
        csv.clear();
        csv.sendKeys("gtin,name_de,brand,category,price\n4012345000016,Hafermilch,Oatly,dairy,2.49\n"
                + "4012345000024,Falsch,X,dairy,1.00\n");
        visible("#import-button").click();
        assertThat(textOf("#import-summary")).matches("1 (importiert|imported), 1 .*");
        assertThat(textOf("#import-rejected")).contains("3").contains("gtin").contains("hat eine falsche Prüfziffer (richtig wäre 3)");
        waitUpTo(10).until(d -> d.findElement(By.id("audit")).getText().contains("Katalog importiert"));
        scrollTo("#import-report");
        screenshot("08-admin-import");
        assertThat(SERVER.client().catalog().product("4012345000016", "de").name()).isEqualTo("Hafermilch");

        // Every API error is shown in words with its field.
        csv.clear();
        csv.sendKeys("gtin,name_de\n1,2\n");
        visible("#import-button").click();
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#import-report .error")).getText().contains("brand: Der Kopfzeile fehlt die Pflichtspalte 'brand'"));
        scrollTo("#import-report");
        screenshot("09-admin-import-error");
    }

    @Test
    void adminErasesACustomerOnRequestAfterConfirmingAndTheAuditLogShowsIt() throws Exception {
        var identity = SERVER.identity("shopper", null);
        KundenpulsClient customer = SERVER.client().withToken(identity.token());
        customer.me().patch(Map.of("contact", Map.of("name", "Erika Beispiel", "email", "erika@example.org")));
        signIn("admin", null);
        browser.get(SERVER.baseUrl() + "/console/#admin");

        // Nothing entered: the field is named, nothing is sent.
        visible("#erase-button").click();
        assertThat(textOf("#erase-status .error")).isEqualTo("Kunden-ID: Bitte die Kunden-ID angeben.");
        assertThat(visible("#erase-uid").getAttribute("aria-invalid")).isEqualTo("true");

        // The first click only asks; cancelling keeps the customer.
        visible("#erase-uid").sendKeys(identity.uid());
        visible("#erase-button").click();
        assertThat(textOf("#erase-question")).contains(identity.uid()).contains("endgültig");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus on the confirmation").isEqualTo("erase-confirm");
        scrollTo("#erase-status");
        screenshot("14-admin-erase-confirm");
        visible("#erase-cancel").click();
        waitUpTo(5).until(d -> d.findElements(By.id("erase-question")).isEmpty());
        assertThat(customer.me().get().contact().name()).isEqualTo("Erika Beispiel");

        visible("#erase-button").click();
        visible("#erase-confirm").click();
        WebElement entry = waitUpTo(10).until(d -> d.findElements(By.cssSelector("#audit tbody tr")).stream()
                .filter(row -> row.getText().contains(identity.uid())).findFirst().orElse(null));
        assertThat(entry.getText()).contains("Kundendaten gelöscht").contains("Profil und persönliche Daten auf Wunsch gelöscht");
        scrollTo("#audit");
        screenshot("15-admin-audit");
        assertThat(SERVER.as("admin").exchange("GET", "/api/admin/profiles/" + identity.uid() + "/export", null, null).statusCode())
                .isEqualTo(404);

        // Erasing someone unknown is refused in words, with the field.
        visible("#erase-uid").sendKeys("niemand-" + UUID.randomUUID());
        visible("#erase-button").click();
        visible("#erase-confirm").click();
        assertThat(textOf("#erase-status .error")).startsWith("uid: Kein Kundenprofil mit der ID");
    }

    @Test
    void aPrivacyRequestByEmailFindsTheCustomerWhoIsExportedAndErased() throws Exception {
        var identity = SERVER.identity("shopper", null);
        KundenpulsClient customer = SERVER.client().withToken(identity.token());
        customer.me().patch(Map.of("contact", Map.of("name", "Jana Anfrage", "email", "Jana.Anfrage@example.org"),
                "homeStoreId", "hamburg-altona"));
        signIn("admin", null);
        browser.get(SERVER.baseUrl() + "/console/#admin");
        // A store row opens the store for editing.
        visible("tr[data-store='wien-neubau']").click();
        assertThat(visible("#store-id").getDomProperty("value")).isEqualTo("wien-neubau");
        assertThat(visible("#store-name").getDomProperty("value")).isEqualTo("Kundenpuls Wien Neubau");
        assertThat(visible("#store-zone").getDomProperty("value")).isEqualTo("Europe/Vienna");
        visible("#gdpr-email").sendKeys("jana.anfrage@example.org");
        visible("#gdpr-find").click();
        String match = awaitText("#gdpr-result .match", t -> t.contains("Jana Anfrage"));
        assertThat(match).contains("Jana.Anfrage@example.org", "Kundenpuls Hamburg Altona", identity.uid());
        waitUpTo(10).until(d -> d.findElement(By.id("audit")).getText().contains("per E-Mail gesucht"));
        // While she exists the log names her; the lookup itself stored no address.
        assertThat(browser.findElements(By.cssSelector("#audit tr")).stream().map(WebElement::getText)
                .filter(t -> t.contains("per E-Mail gesucht")).findFirst().orElseThrow()).contains("Jana Anfrage <Jana.Anfrage@example.org>");
        scrollTo("#gdpr-result");
        screenshot("14b-admin-found-by-email");

        visible("#gdpr-export").click();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#audit tr")).stream()
                .anyMatch(row -> row.getText().contains("Kundendaten exportiert") && row.getText().contains(identity.uid())));
        visible("#gdpr-erase").click();
        assertThat(textOf("#erase-question")).contains(identity.uid());
        visible("#erase-confirm").click();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#audit tr")).stream()
                .anyMatch(row -> row.getText().contains("Kundendaten gelöscht") && row.getText().contains(identity.uid())));

        // Erased, the same request finds nobody, and says so.
        visible("#gdpr-find").click();
        assertThat(awaitText("#gdpr-result p", t -> !t.isBlank())).isEqualTo("Niemand hat die E-Mail-Adresse jana.anfrage@example.org");
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#audit tr")).stream().filter(r -> r.getText().contains("niemand gefunden"))
                .count() >= 1);
        assertThat(textOf("#audit")).as("an erased person is never named").doesNotContain("Jana");
        visible("#audit-action");
        new Select(visible("#audit-action")).selectByValue("profile.erase");
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#audit tbody tr")).stream()
                .allMatch(r -> r.getText().contains("Kundendaten gelöscht")));
        screenshot("15b-admin-audit-filtered");
    }

    @Test
    void aKioskIsEnrolledWithAOneTimeCodeShowsUpInTheFleetAndIsRevoked() throws Exception {
        signIn("admin", null);
        browser.get(SERVER.baseUrl() + "/console/#kiosks");
        new Select(visible("#kiosk-store")).selectByValue("hamburg-altona");
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#kiosk-touchpoint option[value='service-desk']")).size() == 1);
        new Select(visible("#kiosk-touchpoint")).selectByValue("service-desk");
        visible("#kiosk-label").sendKeys("Servicetheke links");
        visible("#kiosk-enroll").click();
        String code = textOf("#kiosk-code-text");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
        WebElement qr = visible("#kiosk-qr");
        assertThat(qr.getDomAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", qr)).intValue())
                .as("the QR code image loads under the console's CSP").isPositive();
        assertThat(textOf("#kiosk-fleet")).contains("Servicetheke links").contains("wartet auf Tablet");
        screenshot("17-kiosk-enrolled");

        // The tablet exchanges the code and reports in; the fleet view shows it.
        var identity = SERVER.client().kiosks().exchange(code);
        assertThat(identity.storeId()).isEqualTo("hamburg-altona");
        assertThat(identity.touchpoint()).isEqualTo("service-desk");
        KundenpulsClient tablet = SERVER.client().withToken(SERVER.client().dev().token("kiosk", null, identity.uid()).token());
        tablet.kiosks().reportContact("1.7.0", 3);
        browser.get(SERVER.baseUrl() + "/console/#dashboard");
        browser.get(SERVER.baseUrl() + "/console/#kiosks");
        String row = awaitText("#kiosk-fleet tr[data-kiosk='" + identity.kioskId() + "']", text -> text.contains("aktiv"));
        assertThat(row).contains("1.7.0").contains("3");

        visible("button[data-revoke='" + identity.kioskId() + "']").click();
        visible("#kiosk-revoke-confirm").click();
        awaitText("#kiosk-fleet tr[data-kiosk='" + identity.kioskId() + "']", text -> text.contains("gesperrt"));
        screenshot("18-kiosk-fleet");
        assertThat(tablet.exchange("POST", "/api/kiosks/me/contact", "{\"appVersion\":\"1.7.0\",\"backlog\":0}".getBytes(),
                "application/json").statusCode()).isEqualTo(401);
    }

    private static void scrollTo(String css) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", css);
    }
}
