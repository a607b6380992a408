package de.kundenpuls.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.model.cases.CaseDetail;
import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What staff see of one case: the contact (only with consent), the answer, and how the loop ended. */
class CaseDetailTest {

    private static final TypeReference<Map<String, List<CaseView>>> LIST = new TypeReference<>() { };

    @TempDir
    Path dir;

    @Test
    void aCaseShowsItsCustomersContactTheAnswerAndTheOutcomeOfTheLoop() {
        try (TestServer server = TestServer.start(dir, Map.of("catalog.seed-demo", "true"))) {
            Instant now = Instant.now();
            KundenpulsClient marketer = server.as("marketer");
            var sorry = marketer.offers().create(new OfferDefinition(Map.of("de", "Kaffee aufs Haus", "en", "Coffee on us"), Map.of(),
                    null, "bakery", "gratis", now.minusSeconds(60), now.plus(Duration.ofDays(14)), List.of(), true));
            marketer.recovery().setOffer("berlin-mitte", sorry.id());
            String gtin = server.client().catalog().search(null, "dairy", null, 0, "de").items().get(0).gtin().value();
            String product = server.client().catalog().search(null, "dairy", null, 0, "de").items().get(0).name();

            KundenpulsClient customer = server.as("shopper");
            customer.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel", "email", "kim@example.org",
                    "street", "Torstraße 1", "postalCode", "10119", "city", "Berlin")));
            customer.me().consents(Map.of("contact", true, "marketing_push", true));
            customer.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout",
                    Instant.now().minusSeconds(20), 1, 2, 6, Map.of("staff", 1), "Bitte rufen Sie mich an", Gtin.of(gtin), null,
                    null, null, null)));
            KundenpulsClient staff = server.staff("berlin-mitte");
            CaseView listed = staff.get("/api/cases", LIST).get("items").get(0);
            assertThat(listed.detail()).as("lists stay light").isNull();

            CaseDetail d = staff.cases().get(listed.id()).detail();
            assertThat(d.customer()).isEqualTo(new CaseDetail.Customer(true, "Kim Beispiel", "kim@example.org",
                    "Torstraße 1, 10119 Berlin"));
            assertThat(d.answer().rating()).isEqualTo(1);
            assertThat(d.answer().nps()).isEqualTo(2);
            assertThat(d.answer().ces()).isEqualTo(6);
            assertThat(d.answer().dimensions()).containsEntry("staff", 1);
            assertThat(d.answer().gtin()).isEqualTo(gtin);
            assertThat(d.answer().product()).isEqualTo(product);
            assertThat(d.outcome()).isEqualTo(new CaseDetail.Outcome(false, null, null, true, null));

            // The loop closes: the customer writes back, rates again and redeems the recovery offer.
            staff.cases().reply(listed.id(), "Wir rufen Sie heute noch an.");
            customer.send("POST", "/api/me/inbox/" + listed.id() + "/replies", Map.of("text", "Danke!"), CaseView.class);
            customer.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout",
                    Instant.now().minusSeconds(5), 5, null, null, Map.of(), null, null, null, null, null, null)));
            String code = customer.me().offers("de").stream().filter(o -> sorry.id().equals(o.offerId())).findFirst()
                    .orElseThrow().code();
            staff.offers().redeem(code);
            CaseDetail.Outcome after = staff.cases().get(listed.id()).detail().outcome();
            assertThat(after.repliedBack()).isTrue();
            assertThat(after.ratedAgain()).isEqualTo(5);
            assertThat(after.ratedAgainAt()).isNotNull();
            assertThat(after.recoveryOffered()).isTrue();
            assertThat(after.recoveryRedeemedAt()).isNotNull();

            // Consent withdrawn: staff are told not to contact, and see no contact data.
            customer.me().consents(Map.of("contact", false));
            assertThat(staff.cases().get(listed.id()).detail().customer()).isEqualTo(new CaseDetail.Customer(false, null, null, null));
        }
    }
}
