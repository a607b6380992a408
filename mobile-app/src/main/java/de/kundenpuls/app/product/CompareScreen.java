package de.kundenpuls.app.product;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import de.kundenpuls.app.ShopperApp;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Screen;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.catalog.ProductView;

/** Two or three products side by side, attribute by attribute (the eCRM "configurator"). */
public final class CompareScreen implements Screen {

    private final ShopperApp app;

    /** @param app the shopper app */
    public CompareScreen(ShopperApp app) {
        this.app = app;
    }

    @Override
    public String title() {
        return Texts.t("compare.title");
    }

    @Override
    public String id() {
        return "compare";
    }

    @Override
    public Node view() {
        List<ProductView> products = List.copyOf(app.compare());
        GridPane grid = new GridPane();
        grid.setId("compare-grid");
        grid.getStyleClass().add("compare-grid");
        ColumnConstraints names = new ColumnConstraints();
        names.setPercentWidth(28);
        grid.getColumnConstraints().add(names);
        for (int i = 0; i < products.size(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(72.0 / products.size());
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            grid.add(Ui.text(products.get(i).name(), "compare-head"), i + 1, 0);
            grid.add(Ui.text(products.get(i).brand(), "muted"), i + 1, 1);
            grid.add(Ui.text(ProductScreen.price(products.get(i).price()), "good"), i + 1, 2);
        }
        grid.add(Ui.text(Texts.t("compare.price"), "attr-name"), 0, 2);
        Set<String> attributes = new LinkedHashSet<>();
        products.forEach(p -> attributes.addAll(p.attributes().keySet()));
        int row = 3;
        for (String a : attributes) {
            grid.add(Ui.text(a, "attr-name"), 0, row);
            for (int i = 0; i < products.size(); i++) {
                Label v = Ui.text(products.get(i).attributes().getOrDefault(a, "–"));
                grid.add(v, i + 1, row);
            }
            row++;
        }
        Button clear = Ui.secondary(Texts.t("compare.clear"), "compare-clear");
        clear.setOnAction(e -> {
            app.compare().clear();
            app.shell().back();
        });
        return Ui.page(Ui.card(Ui.text(Texts.t("compare.heading", products.size()), "h2"), grid), clear);
    }
}
