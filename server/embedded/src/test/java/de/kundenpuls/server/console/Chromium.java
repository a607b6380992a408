package de.kundenpuls.server.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver, never a download (STACK.md), for a test class:
 * started before its tests, quit after them, and its profile directory removed. Use with
 * {@code @RegisterExtension static final Chromium CHROMIUM = new Chromium();}.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private Path profileDir;
    private WebDriver browser;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profileDir = Files.createTempDirectory("kundenpuls-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=de-DE", "--user-data-dir=" + profileDir);
        // --lang alone does not reach navigator.language in headless mode; the preference does.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "de-DE,de"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (profileDir != null && Files.exists(profileDir)) {
                try (Stream<Path> files = Files.walk(profileDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * Lets the browser save downloads without asking, into a folder of its profile (removed with it).
     *
     * @return the folder
     * @throws IOException when it cannot be made
     */
    Path downloads() throws IOException {
        Path dir = Files.createDirectories(profileDir.resolve("downloads"));
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", dir.toString()));
        return dir;
    }

    /** The browser of this test class. */
    WebDriver browser() {
        return browser;
    }

    /**
     * Saves what the browser shows under {@code target/screenshots/console-<name>.png}.
     *
     * @param name the file's name
     */
    void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
