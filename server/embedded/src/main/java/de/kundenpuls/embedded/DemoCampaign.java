package de.kundenpuls.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.offer.PersonalOffer;

/**
 * The demo's finished A/B campaign, sent through the API to the customers who take push: B
 * greets the customer by name and is opened and redeemed more often, so its funnel is the one to copy.
 */
final class DemoCampaign {

    private DemoCampaign() {
    }

    /**
     * Sends the campaign, waits until it is done, then lets customers open it and redeem its code.
     *
     * @param marketer  a marketer's client
     * @param offer     the offer sent with it
     * @param customers the demo customers
     * @param staff     a staff client of a store (the till)
     * @param random    the history's random source
     * @return the campaign id
     */
    static String run(KundenpulsClient marketer, OfferView offer, DemoCustomers customers,
                      Function<String, KundenpulsClient> staff, Random random) {
        CampaignDefinition definition = new CampaignDefinition("Frühstücks-Woche A/B", null,
                List.of(new CampaignDefinition.Variant("A", "de", "Frühstücks-Woche", "Molkereiprodukte −20 % bis Sonntag.", 50),
                        new CampaignDefinition.Variant("A", "en", "Breakfast week", "Dairy −20 % until Sunday.", 50),
                        new CampaignDefinition.Variant("B", "de", "{firstName}, Ihr Frühstück wartet",
                                "Ihr persönlicher Code: Molkereiprodukte −20 %.", 50),
                        new CampaignDefinition.Variant("B", "en", "{firstName}, your breakfast is waiting",
                                "Your personal code: dairy −20 %.", 50)),
                offer.id(), null, null, null);
        CampaignView created = marketer.campaigns().create(definition);
        marketer.campaigns().send(created.id());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"done".equals(marketer.campaigns().get(created.id()).state())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the demo campaign did not finish within 30 s");
            }
            sleep();
        }
        for (DemoCustomers.Customer c : customers.all()) {
            if (!c.push()) {
                continue;
            }
            // The message the customer got tells the variant: B greets them by name.
            boolean named = c.client().me().export().push().campaignMessages().stream()
                    .anyMatch(m -> m.campaignId().equals(created.id()) && m.title().startsWith(c.name().split(" ")[0]));
            if (random.nextDouble() > (named ? 0.9 : 0.3) || !c.client().me().opened(created.id()).recorded()) {
                continue;
            }
            if (random.nextDouble() < (named ? 0.6 : 0.3)) {
                c.client().me().offers("de").stream().filter(o -> o.offerId().equals(offer.id())).map(PersonalOffer::code)
                        .findFirst().ifPresent(code -> staff.apply(c.storeId()).offers().redeem(code));
            }
        }
        return created.id();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the demo campaign was sent", e);
        }
    }
}
