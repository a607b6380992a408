package de.kundenpuls.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
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
        if (Platform.isFxApplicationThread()) {
            // Inside a waitUntil condition: a node that is not there yet has no text yet.
            return robot.lookup(query).tryQuery().map(AppDriver::textOf).orElse("");
        }
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent(), Duration.ofSeconds(10), query);
        return onFx(() -> textOf(robot.lookup(query).query()));
    }

    private static String textOf(Node n) {
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    /**
     * @param query a CSS query
     * @return whether a visible node matches
     */
    public boolean shows(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    /**
     * Runs a look at the scene on the FX thread: a lookup from another thread while the app
     * rebuilds a screen walks a child list that is changing under it (it threw
     * IndexOutOfBoundsException now and then).
     *
     * @param look what to read
     * @param <T>  its type
     * @return what it read
     */
    public static <T> T onFx(Callable<T> look) {
        try {
            return Platform.isFxApplicationThread() ? look.call() : WaitForAsyncUtils.asyncFx(look).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the scene on the FX thread", e);
        }
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
            // The condition looks at the scene, so it is evaluated on the FX thread, between pulses.
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> onFx(condition::getAsBoolean));
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
     * Gives the window another size, as a tablet or a desktop window would have.
     *
     * @param width  in pixels
     * @param height in pixels
     */
    public void resize(double width, double height) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The bounds of a node in the window, once it is shown.
     *
     * @param query a CSS query
     * @return its bounds in scene coordinates
     */
    public javafx.geometry.Bounds bounds(String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false), Duration.ofSeconds(10), query);
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            return n.localToScene(n.getBoundsInLocal());
        });
    }

    /**
     * Whether a node is whole inside the visible part of its page (and of the window): what a
     * finger can tap without scrolling.
     *
     * @param query a CSS query
     * @return true when in view
     */
    public boolean inView(String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false), Duration.ofSeconds(10), query);
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll) {
                    javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                    return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY();
                }
            }
            return b.getMinY() >= 0 && b.getMaxY() <= stage.getScene().getHeight();
        });
    }

    /**
     * Clicks a node where it is, without scrolling it into view first.
     *
     * @param query a CSS query
     */
    public void tapInPlace(String query) {
        Node node = robot.lookup(query).query();
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** @return the window's scene width */
    public double sceneWidth() {
        return onFx(() -> stage.getScene().getWidth());
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
