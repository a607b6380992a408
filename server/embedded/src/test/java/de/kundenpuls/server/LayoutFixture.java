package de.kundenpuls.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.model.offer.OfferView;

/**
 * Writes a small data directory in the current stored layout, for {@link LayoutCompatibilityTest}:
 * the demo catalog, one customer with contact data and consents, {@value #ANSWERS} answers on
 * {@value #DAY} (some with comments, one that opens a follow-up case and gets the customer a
 * recovery offer's grant), a campaign sent to the customer, an admin export (audited), and an
 * anonymous answer. Run it once when the layout is final, with the target directory as argument, and
 * commit the result under {@code src/test/resources/layouts/}; never regenerate an existing one.
 */
public final class LayoutFixture {

    /** The day the fixture's answers were given (UTC noon). */
    static final String DAY = "2026-11-30";
    /** The customer's answers. */
    static final int ANSWERS = 30;
    /** The customer's e-mail address. */
    static final String EMAIL = "layout-fixture@example.org";
    /** The title of the recovery offer whose grant the customer got (fixtures from 2026-12-02 on). */
    static final String RECOVERY_OFFER = "Kaffee aufs Haus";

    private LayoutFixture() {
    }

    /**
     * Writes the fixture.
     *
     * @param args the target directory (must not exist)
     * @throws IOException on failure
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Path dir = Files.createTempDirectory("kundenpuls-layout");
        String uid;
        String campaign;
        String kiosk;
        // The fixture's customer sends all its answers at once: more than an app account's burst.
        try (TestServer server = TestServer.start(dir, Map.of("catalog.seed-demo", "true", "feedback.max-age-days", "36500",
                "feedback.limits.shopper.burst", "1000",
                "feedback.min-interval-ms", "0"))) {
            var identity = server.identity("shopper", null);
            uid = identity.uid();
            KundenpulsClient shopper = server.client().withToken(identity.token());
            shopper.me().patch(Map.of("contact", Map.of("name", "Lena Layout", "email", EMAIL)));
            shopper.me().consents(Map.of("contact", true, "personalization", true));
            // Since 2026-12-02: a recovery offer, so that the customer's rating of 1 leaves a grant.
            KundenpulsClient marketer = server.as("marketer");
            Instant now = Instant.now();
            OfferView sorry = marketer.send("POST", "/api/offers", new OfferDefinition(Map.of("de", RECOVERY_OFFER,
                    "en", RECOVERY_OFFER), Map.of(), null, "beverages", "-20 %", now.minusSeconds(60), now.plus(Duration.ofDays(3650)),
                    List.of(), true), OfferView.class);
            marketer.recovery().setOffer("berlin-mitte", sorry.id());
            Instant noon = Instant.parse(DAY + "T12:00:00Z");
            List<FeedbackItem> items = new ArrayList<>();
            for (int i = 0; i < ANSWERS; i++) {
                items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", i % 2 == 0 ? "checkout" : "entrance",
                        noon.plusSeconds(60L * i), i == 0 ? 1 : 1 + i % 5, i % 11, 1 + i % 7, Map.of("staff", 1 + i % 5),
                        i % 3 == 0 ? "Kommentar " + i : null, null, null, null, null, null));
            }
            shopper.feedback().send(items);
            // Since 2026-12-02b: a campaign sent to the customer, and an admin export in the audit log.
            shopper.me().consents(Map.of("marketing_push", true));
            shopper.me().registerDevice("layout-fixture-device", "android", "de");
            campaign = (String) marketer.send("POST", "/api/campaigns", Map.of("name", "Fixture", "audience", Map.of(),
                    "variants", List.of(Map.of("locale", "de", "title", "Hallo {firstName}", "body", "Neu"))), CampaignView.class).id();
            marketer.campaigns().send(campaign);
            String sent = campaign;
            org.awaitility.Awaitility.await("the fixture's campaign done").atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> "done".equals(marketer.campaigns().get(sent).state()));
            server.as("admin").admin().export(uid);
            // Since 2026-12-02f: an enrolled kiosk in the fleet.
            var enrollment = server.as("admin").kiosks().enroll("berlin-mitte", "checkout", "Kasse 1");
            server.client().kiosks().exchange(enrollment.code());
            kiosk = enrollment.kiosk().id();
            server.as("shopper").feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "wien-neubau", "entrance",
                    noon, 5, null, null, Map.of(), null, null, null, null, null, null)));
        }
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().equals("used.lock")) {
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(target.resolve("fixture.properties"), "uid=" + uid + "\nrecoveryGrants=1\ncampaign=" + campaign
                + "\nkiosk=" + kiosk + "\n");
        System.out.println("Wrote the layout fixture to " + target + " (customer " + uid + ")");
    }
}
