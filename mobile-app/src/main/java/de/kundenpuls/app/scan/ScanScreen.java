package de.kundenpuls.app.scan;

import java.awt.image.BufferedImage;
import java.util.Optional;

import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import de.kundenpuls.app.ShopperApp;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Screen;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.catalog.StoreView;

/** Scan a barcode from a photo, or type it; pick the store you are in. */
public final class ScanScreen implements Screen {

    private final ShopperApp app;
    private final BarcodeDecoder decoder = new BarcodeDecoder();

    /** @param app the shopper app */
    public ScanScreen(ShopperApp app) {
        this.app = app;
    }

    @Override
    public String title() {
        return Texts.t("scan.title");
    }

    @Override
    public String id() {
        return "scan";
    }

    @Override
    public Node view() {
        Label status = Ui.text("", "muted");
        status.setId("scan-status");
        Button photo = Ui.primary(Texts.t("scan.photo"), "scan-photo");
        photo.setOnAction(e -> {
            Optional<BufferedImage> image;
            try {
                image = app.photos().take(photo.getScene().getWindow());
            } catch (java.io.IOException ex) {
                status.setText(Texts.t("scan.unreadable"));
                return;
            }
            image.ifPresent(img -> decode(img, status, photo));
        });

        TextField code = new TextField();
        code.setId("code-field");
        code.setPromptText(Texts.t("scan.codePrompt"));
        Button search = new Button(Texts.t("scan.search"));
        search.setId("code-search");
        search.getStyleClass().add("secondary");
        search.setOnAction(e -> lookUp(code.getText().strip(), status));
        code.setOnAction(e -> search.fire());
        HBox.setHgrow(code, Priority.ALWAYS);

        ComboBox<StoreView> store = new ComboBox<>();
        store.setId("store-choice");
        store.setMaxWidth(Double.MAX_VALUE);
        store.setConverter(new StringConverter<>() {
            @Override
            public String toString(StoreView s) {
                return s == null ? "" : s.name();
            }

            @Override
            public StoreView fromString(String s) {
                return null;
            }
        });
        app.background(app::stores, list -> {
            store.getItems().setAll(list);
            String current = app.currentStore();
            list.stream().filter(s -> s.id().equals(current)).findFirst().ifPresent(store::setValue);
        }, status::setText);
        store.setOnAction(e -> {
            if (store.getValue() != null) {
                app.ctx().settings().currentStore(store.getValue().id());
                // Another store: keep its catalog on the device too.
                app.background(() -> {
                    app.refreshOfflineCatalog();
                    return null;
                }, done -> { }, error -> { });
            }
        });

        Node compare = app.compare().isEmpty() ? new Label()
                : compareButton();
        return Ui.page(
                Ui.card(Ui.text(Texts.t("scan.heading"), "h1"), Ui.text(Texts.t("scan.hint"), "muted"), photo, status),
                Ui.card(Ui.text(Texts.t("scan.typeHeading"), "h2"), new HBox(8, code, search)),
                Ui.card(Ui.text(Texts.t("scan.store"), "h2"), store),
                compare);
    }

    private Node compareButton() {
        Button b = Ui.secondary(Texts.t("product.compareN", app.compare().size()), "open-compare");
        b.setOnAction(e -> app.openCompare());
        return b;
    }

    private void decode(BufferedImage image, Label status, Button photo) {
        status.setText(Texts.t("scan.decoding"));
        photo.setDisable(true);
        Task<Optional<String>> task = new Task<>() {
            @Override
            protected Optional<String> call() {
                return decoder.decode(image);
            }
        };
        task.setOnSucceeded(e -> {
            photo.setDisable(false);
            Optional<String> gtin = task.getValue();
            if (gtin.isEmpty()) {
                status.setText(Texts.t("scan.notFound"));
            } else {
                status.setText(Texts.t("scan.found", gtin.get()));
                lookUp(gtin.get(), status);
            }
        });
        task.setOnFailed(e -> {
            photo.setDisable(false);
            status.setText(Texts.t("scan.notFound"));
        });
        Thread t = new Thread(task, "kundenpuls-decode");
        t.setDaemon(true);
        t.start();
    }

    private void lookUp(String gtin, Label status) {
        if (gtin.isEmpty()) {
            status.setText(Texts.t("scan.enterCode"));
            return;
        }
        app.openProduct(gtin, status::setText);
    }
}
