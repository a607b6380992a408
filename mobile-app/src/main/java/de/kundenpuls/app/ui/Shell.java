package de.kundenpuls.app.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import de.kundenpuls.app.i18n.Texts;


/**
 * The shopper app's frame: an app bar (back, title, pending answers, settings), the current
 * screen, an in-app notification banner and the bottom navigation.
 */
public final class Shell extends BorderPane {

    /**
     * A tab of the bottom navigation.
     *
     * @param id     tab id ({@code nav-<id>})
     * @param icon   a symbol
     * @param label  the tab's name
     * @param screen builds the tab's first screen
     */
    public record Tab(String id, String icon, String label, java.util.function.Supplier<Screen> screen) {
    }

    private final Label title = new Label();
    private final Button back = new Button("←");
    private final StackPane content = new StackPane();
    private final Label banner = new Label();
    private final Deque<Screen> stack = new ArrayDeque<>();
    private final ToggleGroup tabs = new ToggleGroup();
    private Screen current;

    /**
     * @param navigation the bottom tabs; the first is shown
     * @param pending    answers waiting for the network
     * @param settings   opens the settings
     */
    public Shell(List<Tab> navigation, IntegerProperty pending, Runnable settings) {
        getStyleClass().add("shell");
        back.setId("back");
        back.getStyleClass().add("appbar-button");
        back.setOnAction(e -> back());
        title.getStyleClass().add("appbar-title");
        title.setId("title");
        Label pendingBadge = new Label();
        pendingBadge.setId("pending");
        pendingBadge.getStyleClass().add("pending-badge");
        pendingBadge.textProperty().bind(pending.asString("⇅ %d"));
        pendingBadge.visibleProperty().bind(pending.greaterThan(0));
        pendingBadge.managedProperty().bind(pendingBadge.visibleProperty());
        Button gear = new Button("⚙");
        gear.setId("open-settings");
        gear.getStyleClass().add("appbar-button");
        gear.setOnAction(e -> settings.run());
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox appBar = new HBox(6, back, title, pendingBadge, gear);
        appBar.setAlignment(Pos.CENTER_LEFT);
        appBar.getStyleClass().add("appbar");
        // What waits for the network, in words, under the app bar (the badge alone was easy to miss).
        Label offline = new Label();
        offline.setId("offline-banner");
        offline.getStyleClass().add("offline-banner");
        offline.setWrapText(true);
        offline.setMaxWidth(Double.MAX_VALUE);
        offline.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Texts.t("shell.offline", pending.get()), pending));
        offline.visibleProperty().bind(pending.greaterThan(0));
        offline.managedProperty().bind(offline.visibleProperty());
        setTop(new VBox(appBar, offline));

        banner.setId("notification");
        banner.getStyleClass().add("notification");
        banner.setWrapText(true);
        banner.setVisible(false);
        banner.setOnMouseClicked(e -> banner.setVisible(false));
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        StackPane center = new StackPane(content, banner);
        setCenter(center);

        HBox nav = new HBox();
        nav.getStyleClass().add("bottom-nav");
        for (Tab tab : navigation) {
            ToggleButton b = new ToggleButton();
            b.setId("nav-" + tab.id());
            b.setToggleGroup(tabs);
            b.getStyleClass().add("nav-item");
            Label icon = new Label(tab.icon());
            icon.getStyleClass().add("nav-icon");
            Label name = new Label(tab.label());
            name.getStyleClass().add("nav-label");
            b.setGraphic(new VBox(0, icon, name));
            ((VBox) b.getGraphic()).setAlignment(Pos.CENTER);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setOnAction(e -> {
                b.setSelected(true);
                root(tab.screen().get());
            });
            nav.getChildren().add(b);
        }
        setBottom(nav);
        ((ToggleButton) nav.getChildren().get(0)).fire();
    }

    /**
     * Shows a screen as the start of a tab (no way back).
     *
     * @param screen the screen
     */
    public void root(Screen screen) {
        stack.clear();
        show(screen);
    }

    /**
     * Shows a screen on top of the current one; the back button returns.
     *
     * @param screen the screen
     */
    public void push(Screen screen) {
        if (current != null) {
            stack.push(current);
        }
        show(screen);
    }

    /** Returns to the previous screen. */
    public void back() {
        if (!stack.isEmpty()) {
            show(stack.pop());
        }
    }

    /** Rebuilds the current screen (after its data changed). */
    public void refresh() {
        show(current);
    }

    private void show(Screen screen) {
        current = screen;
        title.setText(screen.title());
        back.setVisible(!stack.isEmpty());
        back.setManaged(!stack.isEmpty());
        var view = screen.view();
        view.setId("screen-" + screen.id());
        content.getChildren().setAll(view);
    }

    /** @return the screen shown */
    public Screen current() {
        return current;
    }

    /**
     * Shows an in-app notification for a few seconds (push stand-in on the desktop).
     *
     * @param text the message
     */
    public void notifyUser(String text) {
        banner.setText(text);
        banner.setVisible(true);
        PauseTransition hide = new PauseTransition(Duration.seconds(8));
        hide.setOnFinished(e -> {
            if (text.equals(banner.getText())) {
                banner.setVisible(false);
            }
        });
        hide.play();
    }

}
