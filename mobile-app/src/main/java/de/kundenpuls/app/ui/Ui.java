package de.kundenpuls.app.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small builders for the app's look: cards, headings, buttons, a scrolling page. */
public final class Ui {

    private Ui() {
    }

    /**
     * @param children the content
     * @return a white card with rounded corners
     */
    public static VBox card(Node... children) {
        VBox box = new VBox(10, children);
        box.getStyleClass().add("card");
        return box;
    }

    /**
     * @param text  the text
     * @param style style classes
     * @return a wrapping label
     */
    public static Label text(String text, String... style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(style);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * @param text the label
     * @param id   the node id
     * @return a full-width primary button
     */
    public static Button primary(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("primary");
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    /**
     * @param text the label
     * @param id   the node id
     * @return a secondary button
     */
    public static Button secondary(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("secondary");
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    /**
     * Scrolls the page that holds a node just far enough that the node is whole in view (its
     * bottom edge first): the next thing to tap comes to the finger instead of the finger scrolling.
     *
     * @param node a node on a {@link #page}
     */
    public static void reveal(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll && scroll.getContent() != null) {
                scroll.layout();
                Node content = scroll.getContent();
                double contentHeight = content.getBoundsInLocal().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                if (contentHeight <= viewport) {
                    return;
                }
                double top = scroll.getVvalue() * (contentHeight - viewport);
                var b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double target = b.getMaxY() > top + viewport ? b.getMaxY() - viewport + 12 : b.getMinY() < top ? b.getMinY() - 12 : top;
                scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
                return;
            }
        }
    }

    /**
     * @param children the cards
     * @return a vertically scrolling page with the app's padding
     */
    public static ScrollPane page(Node... children) {
        VBox content = new VBox(12, children);
        content.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("page-scroll");
        return scroll;
    }

    /**
     * @param left  left node
     * @param right right node
     * @return a row with the right node pushed to the end
     */
    public static HBox row(Node left, Node right) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, left, gap, right);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
