package de.kundenpuls.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Loads N feedback answers (default 1,000,000) into a running server through the real batch API,
 * then measures the scores query and the console dashboard's load to interactive in headless
 * Chromium. Run by {@code bench/console/dashboard.sh}, which starts the server.
 */
public final class DashboardBench {

    private DashboardBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args base URL, [answers]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        KundenpulsClient client = KundenpulsClient.create(base);
        String[] stores = {"berlin-mitte", "hamburg-altona", "muenchen-schwabing", "wien-neubau"};
        String[] touchpoints = {"entrance", "shelf", "checkout", "service-desk", "app"};
        Instant now = Instant.now();
        Map<String, KundenpulsClient> kiosks = new java.util.HashMap<>();
        for (String store : stores) {
            kiosks.put(store, client.withToken(client.dev().token("staff", store).token()));
        }
        double loadSeconds = BatchLoad.load(kiosks, stores, n, (r, store, i) -> new FeedbackItem(UUID.randomUUID(), store,
                touchpoints[r.nextInt(5)], now.minusSeconds(60 + r.nextInt(365 * 86_400)), 1 + r.nextInt(5), r.nextInt(11),
                1 + r.nextInt(7), Map.of("quality", 1 + r.nextInt(5), "staff", 1 + r.nextInt(5)),
                r.nextInt(20) == 0 ? "Kommentar " + i : null, null, null, null, null, null));
        System.out.printf("BENCH loaded answers=%d seconds=%.0f rate=%.0f/s%n", n, loadSeconds, n / loadSeconds);

        KundenpulsClient marketer = client.withToken(client.dev().token("marketer", null).token());
        String from = java.time.LocalDate.now().minusDays(364).toString();
        long[] queries = new long[21];
        long count = 0;
        for (int i = 0; i < queries.length; i++) {
            long q0 = System.nanoTime();
            ScoreReport report = marketer.get("/api/analytics/scores?granularity=week&from=" + from, ScoreReport.class);
            queries[i] = System.nanoTime() - q0;
            count = report.count();
        }
        Arrays.sort(queries);
        System.out.printf("BENCH scores query (all stores, 365 days, weekly) count=%d median_ms=%.1f p95_ms=%.1f%n", count,
                queries[10] / 1e6, queries[19] / 1e6);

        Path profile = Files.createTempDirectory("kundenpuls-bench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            browser.get(base + "/console/");
            new Select(new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.id("signin-role")))).selectByValue("marketer");
            browser.findElement(By.id("signin-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElement(By.id("kpi-count")).getText().isBlank());
            long[] loads = new long[5];
            for (int i = 0; i < loads.length; i++) {
                long l0 = System.nanoTime();
                browser.navigate().refresh();
                String expected = String.valueOf(count);
                // Interactive: the KPIs, the heatmap and the charts are rendered with the real totals
                // (the default range of 28 days shows fewer answers than the whole year, so wait for any number).
                // Live updates re-render parts of the page: an element read while replaced is read again.
                new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                        .until(d -> {
                    String text = d.findElement(By.id("kpi-count")).getText();
                    return !text.isBlank() && !d.findElements(By.cssSelector("#heatmap td.cell")).isEmpty()
                            && (Boolean) ((JavascriptExecutor) d).executeScript("return Chart.getChart('dims') !== undefined");
                });
                loads[i] = System.nanoTime() - l0;
                if (i == 0) {
                    System.out.println("BENCH dashboard shows " + browser.findElement(By.id("kpi-count")).getText()
                            + " answers of the last 28 days (of " + expected + " in the year)");
                }
            }
            Arrays.sort(loads);
            System.out.printf("BENCH dashboard load to interactive: median_ms=%.0f min_ms=%.0f max_ms=%.0f%n", loads[2] / 1e6,
                    loads[0] / 1e6, loads[4] / 1e6);
        } finally {
            browser.quit();
        }
    }
}
