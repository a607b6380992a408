package de.kundenpuls.app.product;

import java.text.NumberFormat;
import java.util.Currency;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import de.kundenpuls.app.ShopperApp;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Screen;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.Money;
import de.kundenpuls.model.catalog.ProductView;

/** A scanned product: what it is, what it costs, whether the store has it; compare it; rate it. */
public final class ProductScreen implements Screen {

    private final ShopperApp app;
    private final ProductView product;

    /**
     * @param app     the shopper app
     * @param product the product
     */
    public ProductScreen(ShopperApp app, ProductView product) {
        this.app = app;
        this.product = product;
    }

    @Override
    public String title() {
        return Texts.t("product.title");
    }

    @Override
    public String id() {
        return "product";
    }

    /**
     * @param price an amount
     * @return it formatted for the shopper's language, e.g. "2,49 €"
     */
    public static String price(Money price) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Texts.locale().getLanguage().equals("en")
                ? java.util.Locale.UK : java.util.Locale.GERMANY);
        f.setCurrency(Currency.getInstance(price.currency()));
        return f.format(price.amount());
    }

    @Override
    public Node view() {
        String store = app.currentStore();
        int stock = product.stock().stream().filter(s -> s.storeId().equals(store)).mapToInt(s -> s.quantity()).sum();
        Label name = Ui.text(product.name(), "h1");
        name.setId("product-name");
        Label stockLabel = Ui.text(stock > 0 ? Texts.t("product.inStock", stock, app.storeName(store))
                : Texts.t("product.outOfStock", app.storeName(store)), stock > 0 ? "good" : "bad");
        stockLabel.setId("product-stock");
        Label priceLabel = Ui.text(price(product.price()), "price");
        priceLabel.setId("product-price");
        GridPane attributes = new GridPane();
        attributes.getStyleClass().add("compare-grid");
        int row = 0;
        for (var a : product.attributes().entrySet()) {
            attributes.addRow(row++, Ui.text(a.getKey(), "attr-name"), Ui.text(a.getValue()));
        }
        boolean picked = app.compare().stream().anyMatch(p -> p.gtin().equals(product.gtin()));
        Button compare = Ui.secondary(picked ? Texts.t("product.compareN", app.compare().size())
                : Texts.t("product.addCompare"), "product-compare");
        compare.setOnAction(e -> {
            if (app.compare().stream().noneMatch(p -> p.gtin().equals(product.gtin()))) {
                if (app.compare().size() == 3) {
                    app.compare().remove(0);
                }
                app.compare().add(product);
            }
            if (app.compare().size() >= 2) {
                app.openCompare();
            } else {
                compare.setText(Texts.t("product.scanAnother"));
            }
        });
        QuickFeedback feedback = new QuickFeedback(store, "shelf", product.gtin().value(), app.ctx().settings().deviceId(),
                item -> {
                    app.ctx().outbox().add(item);
                    app.ctx().pending().set(app.ctx().outbox().size());
                    app.ctx().sync().kick();
                }, app.ctx().sync().deliveries());
        // A shopper's survey prompt counts against their contact budget, so it is asked for as them.
        var connection = app.ctx().connection();
        app.background(() -> (connection.hasShopper() ? connection.shopper() : connection.anonymous()).feedback()
                .activeSurvey(store, "shelf", product.gtin().value()).orElse(null), feedback::offerSurvey, error -> { });
        // What it is and whether it is here, then the rating, then the details: on a phone the
        // faces are in view right after the scan.
        return Ui.page(
                Ui.card(Ui.text(product.brand(), "muted"), name, priceLabel, stockLabel),
                feedback,
                Ui.card(Ui.text(product.description() == null ? "" : product.description()), attributes, compare));
    }
}
