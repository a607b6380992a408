package de.kundenpuls.server.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.offer.PersonalOffer;
import de.kundenpuls.model.offer.RecoveryStats;
import de.kundenpuls.model.offer.Redemption;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Personal offers that learn from every contact, redemption at the till, and service recovery. */
class OffersTest {


    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("catalog.seed-demo", "true", "feedback.min-interval-ms", "0"));
    private KundenpulsClient marketer;

    @BeforeEach
    void start() {
        marketer = server.as("marketer");
    }

    private OfferView offer(String title, String gtin, String category, int days, List<String> stores, boolean recovery) {
        Instant now = Instant.now();
        return marketer.send("POST", "/api/offers", new OfferDefinition(Map.of("de", title, "en", title), Map.of(),
                gtin == null ? null : Gtin.of(gtin), category, "-20 %", now.minusSeconds(60), now.plus(Duration.ofDays(days)),
                stores, recovery), OfferView.class);
    }

    private static List<PersonalOffer> offers(KundenpulsClient shopper) {
        return shopper.me().offers("de");
    }

    private String productOf(String category) {
        return server.client().catalog().search(null, category, null, 0, "de").items().get(0).gtin().value();
    }

    @Test
    void theRankingImprovesWithEachContactAndSaysWhy() {
        OfferView dairy = offer("Molkerei-Woche", null, "dairy", 5, List.of(), false);
        OfferView shoes = offer("Schuh-Special", null, "shoes", 20, List.of(), false);
        OfferView bread = offer("Brot des Monats", productOf("bakery"), null, 10, List.of(), false);

        KundenpulsClient learner = server.as("shopper");
        learner.me().consents(Map.of("personalization", true));
        // Nothing learned yet: the shared order, ending soonest first.
        assertThat(offers(learner)).extracting(PersonalOffer::offerId).containsExactly(dairy.id(), bread.id(), shoes.id());

        String shoe = productOf("shoes");
        assertThat(learner.me().scan(shoe, "berlin-mitte").learned()).isTrue();
        assertThat(learner.me().scan(shoe, "berlin-mitte").learned()).isTrue();
        List<PersonalOffer> afterScans = offers(learner);
        assertThat(afterScans.get(0).offerId()).isEqualTo(shoes.id());
        assertThat(afterScans.get(0).reason()).contains("Schuhe");

        // A bad experience with dairy pulls the dairy offer to the end.
        learner.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "shelf", Instant.now().minusSeconds(5),
                1, null, null, Map.of(), null, Gtin.of(productOf("dairy")), null, null, null, null)));
        assertThat(offers(learner)).extracting(PersonalOffer::offerId).containsExactly(shoes.id(), bread.id(), dairy.id());

        // Without the consent, the same behaviour teaches nothing: the shared order.
        KundenpulsClient privateShopper = server.as("shopper");
        privateShopper.me().consents(Map.of("personalization", false));
        assertThat(privateShopper.me().scan(shoe, null).learned()).as("no consent, nothing learned").isFalse();
        assertThat(offers(privateShopper)).extracting(PersonalOffer::offerId).containsExactly(dairy.id(), bread.id(), shoes.id());
        assertThat(offers(privateShopper)).allSatisfy(o -> assertThat(o.reason()).isEqualTo("Für alle – nicht persönlich ausgewählt"));
    }

    @Test
    void aCodeIsRedeemedOnceInAStoreWhereTheOfferIsValid() {
        OfferView berlinOnly = offer("Nur Berlin", null, "beverages", 5, List.of("berlin-mitte"), false);
        KundenpulsClient shopper = server.as("shopper");
        PersonalOffer mine = offers(shopper).get(0);
        assertThat(mine.offerId()).isEqualTo(berlinOnly.id());
        assertThat(Gtin.isValid(mine.code())).as("the code is a scannable EAN-13").isTrue();
        assertThat(offers(shopper).get(0).code()).as("the code is stable").isEqualTo(mine.code());

        assertThatThrownBy(() -> server.staff("hamburg-altona").offers().redeem(mine.code()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        KundenpulsClient till = server.staff("berlin-mitte");
        Redemption redeemed = till.offers().redeem(mine.code());
        assertThat(redeemed.offerId()).isEqualTo(berlinOnly.id());
        assertThat(redeemed.code()).isEqualTo(mine.code());
        assertThat(redeemed.storeId()).isEqualTo("berlin-mitte");
        assertThatThrownBy(() -> till.offers().redeem(mine.code()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().detail()).contains("Already redeemed");
                });
        assertThatThrownBy(() -> till.offers().redeem("2900000000000"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> shopper.offers().redeem(mine.code()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(offers(shopper).get(0).redeemed()).isTrue();
    }

    @Test
    void aDetractorGetsTheRecoveryOfferAtOnceAndRecoveryIsMeasured() throws Exception {
        OfferView sorry = offer("Kaffee aufs Haus", null, "beverages", 30, List.of(), true);
        assertThat(marketer.recovery().setOffer("berlin-mitte", sorry.id()).offerId()).isEqualTo(sorry.id());
        GoogleStandIn standIn = server.standIn();

        KundenpulsClient reachable = server.as("shopper");
        reachable.me().consents(Map.of("marketing_push", true));
        reachable.me().registerDevice("device-reachable", "android", "de");
        reachable.feedback().send(List.of(rating(1)));
        org.awaitility.Awaitility.await("the recovery push").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !standIn.deliveredTo("device-reachable").isEmpty());
        assertThat(standIn.deliveredTo("device-reachable")).singleElement()
                .satisfies(m -> assertThat(m.data()).containsEntry("kind", "recovery").containsKey("code"));
        String code = standIn.deliveredTo("device-reachable").get(0).data().get("code");
        assertThat(offers(reachable).get(0)).satisfies(o -> {
            assertThat(o.code()).isEqualTo(code);
            assertThat(o.reason()).contains("Entschuldigung");
        });

        KundenpulsClient unreachable = server.as("shopper");
        unreachable.me().registerDevice("device-silent", "ios", "de");
        unreachable.feedback().send(List.of(rating(2)));
        // No push may come for a whole second (the reachable shopper's came within milliseconds).
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> standIn.deliveredTo("device-silent").isEmpty());
        assertThat(offers(unreachable).get(0).offerId()).isEqualTo(sorry.id());
        // Recovery offers are personal: a happy shopper does not see them.
        assertThat(offers(server.as("shopper"))).noneSatisfy(o -> assertThat(o.offerId()).isEqualTo(sorry.id()));

        server.staff("berlin-mitte").offers().redeem(code);
        reachable.feedback().send(List.of(rating(5)));
        unreachable.feedback().send(List.of(rating(2)));
        RecoveryStats stats = marketer.recovery().stats().get("berlin-mitte");
        assertThat(stats.offerId()).isEqualTo(sorry.id());
        assertThat(stats.offered()).as(stats.toString()).isEqualTo(2);
        assertThat(stats.redeemed()).isEqualTo(1);
        assertThat(stats.pushed()).as("the push outcome is recorded").isEqualTo(1);
        assertThat(stats.nextRatings()).isEqualTo(2);
        assertThat(stats.recovered()).isEqualTo(1);
        assertThat(stats.redemptionRate()).isEqualTo(50.0);
        assertThat(stats.recoveryRate()).isEqualTo(50.0);
    }

    private static FeedbackItem rating(int rating) {
        return new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", Instant.now().minusSeconds(2), rating, null, null,
                Map.of(), null, null, null, null, null, null);
    }
}
