package de.kundenpuls.app.offers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.app.ShopperApp;
import de.kundenpuls.app.i18n.Texts;
import de.kundenpuls.app.ui.Screen;
import de.kundenpuls.app.ui.Ui;
import de.kundenpuls.model.offer.PersonalOffer;

/** The shopper's personal offers, each with why they get it and a code the till scans. */
public final class OffersScreen implements Screen {

    private final ShopperApp app;

    /** @param app the shopper app */
    public OffersScreen(ShopperApp app) {
        this.app = app;
    }

    /**
     * @param app the shopper app
     * @return the shopper's offers, in their language
     */
    static List<PersonalOffer> load(ShopperApp app) {
        Map<String, List<PersonalOffer>> page = app.ctx().connection().shopper()
                .get("/api/me/offers?lang=" + Texts.lang(), new TypeReference<Map<String, List<PersonalOffer>>>() { });
        return page.get("items");
    }

    @Override
    public String title() {
        return Texts.t("offers.title");
    }

    @Override
    public String id() {
        return "offers";
    }

    @Override
    public Node view() {
        VBox list = new VBox(12, Ui.text(Texts.t("loading"), "muted"));
        list.setId("offer-list");
        app.background(() -> load(app), offers -> {
            list.getChildren().clear();
            if (offers.isEmpty()) {
                list.getChildren().add(Ui.card(Ui.text(Texts.t("offers.none"), "muted")));
            }
            DateTimeFormatter until = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Texts.locale())
                    .withZone(ZoneId.systemDefault());
            for (PersonalOffer o : offers) {
                Label benefit = Ui.text(o.benefit(), "price");
                ImageView code = new ImageView(RedeemCode.barcode(o.code(), 300, 70));
                code.setPreserveRatio(true);
                code.setFitWidth(300);
                Label codeText = Ui.text(o.code(), "code");
                VBox card = Ui.card(Ui.text(o.title(), "h2"), benefit, Ui.text(o.description()),
                        Ui.text(Texts.t("offers.why", o.reason()), "reason"),
                        Ui.text(o.redeemed() ? Texts.t("offers.redeemed") : Texts.t("offers.validTo", until.format(o.validTo())), "muted"),
                        code, codeText);
                card.getStyleClass().add("offer");
                card.setUserData(o.offerId());
                list.getChildren().add(card);
            }
        }, error -> list.getChildren().setAll(Ui.card(Ui.text(error, "error"))));
        return Ui.page(list);
    }
}
