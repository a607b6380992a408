package de.kundenpuls.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.privacy.PersonalDataExport;
import de.kundenpuls.server.DataFiles;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export contains what is stored; erasure removes it from the live data and the data files,
 * campaign recipients included.
 */
class ErasureTest {

    @TempDir
    Path dir;

    @Test
    void erasedEmailIsGoneFromTheRawDataFilesWithinTwoMinutes() throws Exception {
        String marker = "erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (TestServer server = TestServer.start(dir)) {
            KundenpulsClient shopper = server.as("shopper");
            String firstName = "Erika" + UUID.randomUUID().toString().substring(0, 6);
            String deviceToken = "erase-token-" + UUID.randomUUID();
            shopper.me().patch(Map.of("contact", Map.of("email", marker, "name", firstName + " Muster")));
            shopper.me().consents(Map.of("contact", true, "marketing_push", true));
            shopper.me().registerDevice(deviceToken, "android", "de");
            // A campaign that names her, sent: her recipient entry holds her first name and token.
            KundenpulsClient marketer = server.as("marketer");
            String campaign = (String) marketer.send("POST", "/api/campaigns", Map.of("name", "Hallo", "audience", Map.of(),
                    "variants", List.of(Map.of("locale", "de", "title", "Hallo {firstName}", "body", "Neu"))),
                    de.kundenpuls.model.campaign.CampaignView.class).id();
            marketer.campaigns().send(campaign);
            await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(marketer.campaigns().get(campaign).state()));
            String said = "complaint-" + UUID.randomUUID().toString().substring(0, 8);
            shopper.feedback().send(List.of(new de.kundenpuls.model.feedback.FeedbackItem(UUID.randomUUID(), "berlin-mitte",
                    "checkout", java.time.Instant.now().minusSeconds(5), 1, null, null, Map.of(), "Kasse zu: " + said,
                    null, null, null, null, null)));
            assertThat(filesContain(marker)).as("the marker is written to the data files").isTrue();
            assertThat(filesContain(said)).as("the comment is written to the data files").isTrue();

            PersonalDataExport export = shopper.me().export();
            assertThat(export.profile().contact().email()).isEqualTo(marker);
            assertThat(export.profile().contact().name()).isEqualTo(firstName + " Muster");
            assertThat(export.push().campaignMessages()).singleElement()
                    .satisfies(m -> assertThat(m.title()).isEqualTo("Hallo " + firstName));
            assertThat(filesContain(deviceToken)).as("the recipient's token is written to the data files").isTrue();

            String uid = shopper.me().get().uid();
            shopper.me().delete();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(filesContain(marker)).as("marker still in the data files after erasure").isFalse();
                assertThat(filesContain(said)).as("comment still in the data files after erasure").isFalse();
                assertThat(filesContain(firstName)).as("name (profile, campaign text) still in the data files").isFalse();
                assertThat(filesContain(deviceToken)).as("push token still in the data files").isFalse();
            });
            // The campaign keeps its counts without the person.
            de.kundenpuls.model.campaign.CampaignView sent = marketer.get("/api/campaigns/" + campaign,
                    de.kundenpuls.model.campaign.CampaignView.class);
            assertThat(sent.stats().targeted()).isEqualTo(1);
            assertThat(sent.stats().sent()).isEqualTo(1);
            // The anonymous score stays; the case stays for the store, without the person or their words.
            assertThat(marketer.get("/api/analytics/scores?storeId=berlin-mitte",
                    de.kundenpuls.model.analytics.ScoreReport.class).count()).isEqualTo(1);
            assertThat(server.staff("berlin-mitte").cases().list("all")).singleElement().satisfies(c -> {
                assertThat(c.state()).isEqualTo("closed");
                assertThat(String.valueOf(c.comment())).doesNotContain(said);
                assertThat(c.messages()).extracting(m -> m.text()).noneMatch(text -> text.contains(said));
            });
            // The audit log says that a customer erased their account, and nothing of whom.
            var audit = server.as("admin").admin().audit(50);
            assertThat(audit).anySatisfy(e -> assertThat(e.action()).isEqualTo("profile.erase.self"));
            assertThat(audit).allSatisfy(e -> assertThat(String.join(" ", String.valueOf(e.actor()), e.subject(), e.detail()))
                    .doesNotContain(marker).doesNotContain(firstName).doesNotContain(uid));
            // The next call creates a fresh, empty profile: nothing of the old one comes back.
            assertThat(shopper.me().get().contact().email()).isNull();
        }
    }

    @Test
    void adminErasureIsAuditedAndUnknownProfilesAre404() {
        try (TestServer server = TestServer.start(dir)) {
            var identity = server.identity("shopper", null);
            KundenpulsClient shopper = server.client().withToken(identity.token());
            shopper.me().patch(Map.of("contact", Map.of("email", "someone@example.org")));
            KundenpulsClient admin = server.as("admin");

            assertThat(admin.admin().export(identity.uid()).profile().contact().email()).isEqualTo("someone@example.org");
            admin.admin().erase(identity.uid());
            assertThatThrownBy(() -> admin.admin().erase(identity.uid()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));

            var audit = admin.admin().audit(50);
            assertThat(audit).extracting(e -> e.action()).contains("profile.export", "profile.erase");
            assertThat(audit).extracting(e -> e.subject()).contains(identity.uid());

            assertThatThrownBy(() -> shopper.admin().audit(50))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    private boolean filesContain(String marker) {
        return DataFiles.contain(dir, marker);
    }
}
