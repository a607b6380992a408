package de.kundenpuls.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import de.kundenpuls.app.AppConfig;
import de.kundenpuls.app.KundenpulsApp;
import de.kundenpuls.app.scan.PhotoSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real app on headless JavaFX (Monocle), driven by TestFX, with a PNG of every screen it visits. */
public final class AppDriver implements AutoCloseable {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private final FxRobot robot = new FxRobot();
    private final Stage stage;
    private KundenpulsApp app;
    private final String prefix;

    /**
     * Starts the app.
     *
     * @param config the app configuration
     * @param photos where "take a photo" gets its image
     * @param prefix screenshot name prefix, e.g. {@code shopper}
     */
    public AppDriver(AppConfig config, PhotoSource photos, String prefix) {
        this.prefix = prefix;
        try {
            stage = FxToolkit.registerPrimaryStage();
            app = (KundenpulsApp) FxToolkit.setupApplication(() -> new KundenpulsApp(config, photos));
        } catch (TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
    }

    /** @return the running app */
    public KundenpulsApp app() {
        return app;
    }

    /** @return the robot */
    public FxRobot robot() {
        return robot;
    }

    /**
     * Clicks a node once it is there and enabled.
     *
     * @param query a CSS query, e.g. {@code #feedback-send}
     */
    public void tap(String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && !n.isDisabled()).orElse(false),
                Duration.ofSeconds(10), query + " visible and enabled");
        Node node = robot.lookup(query).query();
        WaitForAsyncUtils.asyncFx(() -> scrollIntoView(node));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the page the way a finger would, so that a tap reaches a node below the fold. */
    private static void scrollIntoView(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll && scroll.getContent() != null) {
                Node content = scroll.getContent();
                double contentHeight = content.getBoundsInLocal().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                if (contentHeight <= viewport) {
                    return;
                }
                var bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double target = bounds.getMinY() - (viewport - bounds.getHeight()) / 2;
                scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
                scroll.layout();
                return;
            }
        }
    }

    /**
     * Types into a text field.
     *
     * @param query the field
     * @param text  the text
     */
    public void type(String query, String text) {
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent(), Duration.ofSeconds(10), query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        WaitForAsyncUtils.asyncFx(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * @param query a labeled node
     * @return its text once the node exists
     */
    public String text(String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent(), Duration.ofSeconds(10), query);
        Node n = robot.lookup(query).query();
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    /**
     * @param query a CSS query
     * @return whether a visible node matches
     */
    public boolean shows(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /**
     * Waits for a condition.
     *
     * @param condition the condition
     * @param timeout   how long at most
     * @param what      described in the failure
     */
    public static void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    /**
     * Saves a PNG of the window as it is now.
     *
     * @param name e.g. {@code 01-scan}
     */
    public void screenshot(String name) {
        screenshot(stage.getScene(), name);
    }

    /**
     * Saves a PNG of any window, e.g. a dialog.
     *
     * @param scene the window's scene
     * @param name  e.g. {@code 10-delete-confirm}
     */
    public void screenshot(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        try {
            Files.createDirectories(SHOTS);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(prefix + "-" + name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
