package de.kundenpuls.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.campaign.AbComparison;
import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.CampaignPreview;
import de.kundenpuls.model.campaign.CampaignReview;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.campaign.TestSend;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaigns over real HTTP, sent by the real Firebase Admin SDK to an FCM stand-in that outlives
 * server restarts (configured as {@code push.fcm-endpoint}).
 */
class CampaignTest {

    @TempDir
    Path dir;

    private GoogleStandIn fcm;
    private TestServer server;
    private KundenpulsClient marketer;

    @BeforeEach
    void start() {
        fcm = GoogleStandIn.start(0, Map::of);
        server = TestServer.start(dir, Map.of("push.fcm-endpoint", fcm.url(), "campaigns.chunk-size", "50"));
        marketer = server.as("marketer");
    }

    @AfterEach
    void stop() {
        server.close();
        fcm.close();
    }

    /** Creates shoppers; returns their device tokens. */
    private List<String> shoppers(int n, boolean consent, String prefix) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String token = prefix + i;
                futures.add(pool.submit(() -> {
                    KundenpulsClient s = server.as("shopper");
                    s.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel"), "homeStoreId", "berlin-mitte"));
                    s.me().consents(Map.of("marketing_push", consent));
                    s.me().registerDevice(token, "android", "de");
                    return token;
                }));
            }
            for (Future<String> f : futures) {
                tokens.add(f.get());
            }
        }
        return tokens;
    }

    private CampaignView create(String json) {
        return marketer.sendBytes("POST", "/api/campaigns", json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json", CampaignView.class);
    }

    private CampaignView sendAndWait(CampaignView c) throws InterruptedException {
        marketer.send("POST", "/api/campaigns/" + c.id() + "/send", null, CampaignView.class);
        return awaitDone(c.id());
    }

    private CampaignView awaitDone(String id) {
        return org.awaitility.Awaitility.await("campaign " + id + " done").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> marketer.get("/api/campaigns/" + id, CampaignView.class), v -> v.state().equals("done"));
    }

    private static void assertStatsAddUp(CampaignView.Stats s) {
        assertThat(s.pending()).isZero();
        assertThat(s.targeted()).isEqualTo(s.sent() + s.failed() + s.unregistered() + s.suppressed());
    }

    @Test
    void consentGatesEveryoneAndTheSplitAndStatsHold() throws Exception {
        List<String> reachable = shoppers(150, true, "yes-");
        List<String> unreachable = shoppers(40, false, "no-");
        CampaignView minimal = create("{\"name\":\"Minimal\",\"audience\":{},\"variants\":[{\"locale\":\"de\",\"title\":\"Hallo\",\"body\":\"Neu\"}]}");
        assertThat(minimal.state()).isEqualTo("draft");

        CampaignView ab = create("""
                {"name":"Wochenende","audience":{"homeStoreIds":["berlin-mitte"]},
                 "variants":[{"id":"A","locale":"de","title":"Hallo {firstName}","body":"Neu in {store}","share":70},
                             {"id":"B","locale":"de","title":"Servus {firstName}","body":"Nur diese Woche","share":30}]}""");
        CampaignPreview preview = marketer.get("/api/campaigns/" + ab.id() + "/preview", CampaignPreview.class);
        assertThat(preview.audienceSize()).isEqualTo(150);
        assertThat(preview.samples()).isNotEmpty().allSatisfy(s -> assertThat(s.title()).isIn("Hallo Kim", "Servus Kim"));
        assertThat(preview.samples()).anySatisfy(s -> assertThat(s.body()).contains("Berlin Mitte"));

        CampaignView done = sendAndWait(ab);
        assertStatsAddUp(done.stats());
        assertThat(done.stats().targeted()).isEqualTo(150);
        assertThat(done.stats().sent()).isEqualTo(150);
        CampaignView.Stats a = done.stats().variants().get("A");
        CampaignView.Stats b = done.stats().variants().get("B");
        assertThat(a.targeted() + b.targeted()).isEqualTo(150);
        assertThat((double) a.targeted() / 150).as("share of A").isBetween(0.55, 0.85);
        reachable.forEach(t -> assertThat(fcm.deliveredTo(t)).hasSize(1));
        unreachable.forEach(t -> assertThat(fcm.deliveredTo(t)).isEmpty());

        // Opens are reported by the app and counted.
        KundenpulsClient anyone = server.as("shopper");
        assertThat(anyone.me().opened(ab.id()).recorded()).as("not a recipient").isFalse();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> marketer.send("POST", "/api/campaigns/" + ab.id() + "/send", null,
                CampaignView.class)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aDraftIsEditedReviewedAndTestedOnTheMarketersOwnDeviceOnlyBeforeItGoesOut() throws Exception {
        List<String> tokens = shoppers(20, true, "review-");
        CampaignDefinition.Audience berlin = new CampaignDefinition.Audience(List.of("berlin-mitte"), null, null, null, null,
                null, null, null);
        List<CampaignDefinition.Variant> ab = List.of(
                new CampaignDefinition.Variant("A", "de", "Hallo {firstName}", "Neu in {store}", 50),
                new CampaignDefinition.Variant("B", "de", "Servus {firstName}", "Nur diese Woche", 50));
        CampaignView draft = marketer.campaigns().create(new CampaignDefinition("Entwurf", berlin, ab, null, null, null, null));

        // The store's local hour now, inside quiet hours, and then outside them.
        LocalTime local = LocalTime.now(ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
        var quietNow = new CampaignDefinition.QuietHours(local.minusHours(1).toString(), local.plusHours(1).toString());
        var cap = new CampaignDefinition.FrequencyCap(2, 7);
        CampaignView edited = marketer.campaigns().update(draft.id(),
                new CampaignDefinition("Entwurf 2", berlin, ab, null, null, quietNow, cap));
        assertThat(edited.state()).isEqualTo("draft");
        assertThat(marketer.campaigns().get(draft.id()).definition().name()).isEqualTo("Entwurf 2");

        CampaignReview review = marketer.campaigns().review(draft.id());
        assertThat(review.audienceSize()).isEqualTo(20);
        assertThat(review.variants()).extracting(CampaignReview.Split::id, CampaignReview.Split::share, CampaignReview.Split::expected)
                .containsExactly(tuple("A", 50, 10L), tuple("B", 50, 10L));
        assertThat(review.quietHours()).isEqualTo(quietNow);
        assertThat(review.inQuietHoursNow()).as("every Berlin shopper is in the quiet hours").isEqualTo(20);
        assertThat(review.frequencyCap()).isEqualTo(cap);
        assertThat(review.scheduleAt()).isNull();
        var awake = new CampaignDefinition.QuietHours(local.plusHours(2).toString(), local.plusHours(3).toString());
        marketer.campaigns().update(draft.id(), new CampaignDefinition("Entwurf 2", berlin, ab, null, null, awake, null));
        assertThat(marketer.campaigns().review(draft.id()).inQuietHoursNow()).isZero();

        // A test send needs the marketer's own device, and goes there only: both variants, nothing counted.
        assertThatThrownBy(() -> marketer.campaigns().testSend(draft.id())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.problem().field()).isEqualTo("devices");
            assertThat(e.problem().type()).isEqualTo(ProblemCode.NO_TEST_DEVICE.type());
        });
        marketer.me().registerDevice("marketer-phone", "ios", "de");
        assertThat(marketer.campaigns().testSend(draft.id())).isEqualTo(new TestSend(1, 2, 2));
        assertThat(fcm.deliveredTo("marketer-phone")).extracting(GoogleStandIn.Delivered::title)
                .containsExactlyInAnyOrder("Hallo", "Servus");
        tokens.forEach(t -> assertThat(fcm.deliveredTo(t)).as(t).isEmpty());
        CampaignView untouched = marketer.campaigns().get(draft.id());
        assertThat(untouched.state()).isEqualTo("draft");
        assertThat(untouched.stats().targeted()).isZero();

        // Sent, it can no longer change: what went out stays what the funnel describes.
        CampaignView done = sendAndWait(untouched);
        assertThat(done.stats().sent()).isEqualTo(20);
        assertThat(fcm.deliveredTo("marketer-phone")).as("the marketer gave no push consent").hasSize(2);
        assertThatThrownBy(() -> marketer.campaigns().update(draft.id(), new CampaignDefinition("Zu spät", berlin, ab, null,
                null, null, null))).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().field()).isEqualTo("state");
                });
        assertThatThrownBy(() -> marketer.campaigns().delete(draft.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(done.comparison()).satisfies(c -> {
            assertThat(c.a()).isEqualTo("A");
            assertThat(c.b()).isEqualTo("B");
            assertThat(c.rates()).extracting(AbComparison.RateTest::rate)
                    .containsExactly("sent/targeted", "opened/sent", "redeemed/opened");
            assertThat(c.rates().get(0).rateA()).isEqualTo(1.0);
        });

        CampaignView discarded = marketer.campaigns().create(new CampaignDefinition("Verworfen", berlin, ab, null, null, null, null));
        marketer.campaigns().delete(discarded.id());
        assertThatThrownBy(() -> marketer.campaigns().get(discarded.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void thePreviewRendersEveryTextForSomeoneOfTheAudience() throws Exception {
        shoppers(3, true, "preview-");
        CampaignDefinition d = new CampaignDefinition("Sprachen", new CampaignDefinition.Audience(List.of("berlin-mitte"), null,
                null, null, null, null, null, null), List.of(
                new CampaignDefinition.Variant("A", "de", "Hallo {firstName}", "Neu in {store}", null),
                new CampaignDefinition.Variant("A", "en", "Hi {firstName}", "New at {store}", null),
                new CampaignDefinition.Variant("B", "de", "Servus {firstName}", "Nur in {store}", null),
                new CampaignDefinition.Variant("B", "en", "Hey {firstName}", "Only at {store}", null)), null, null, null, null);
        CampaignPreview preview = marketer.campaigns().preview(d);
        assertThat(preview.audienceSize()).isEqualTo(3);
        assertThat(preview.samples()).extracting(CampaignPreview.Sample::variant, CampaignPreview.Sample::locale,
                CampaignPreview.Sample::title, CampaignPreview.Sample::body).containsExactly(
                tuple("A", "de", "Hallo Kim", "Neu in Kundenpuls Berlin Mitte"), tuple("A", "en", "Hi Kim", "New at Kundenpuls Berlin Mitte"),
                tuple("B", "de", "Servus Kim", "Nur in Kundenpuls Berlin Mitte"), tuple("B", "en", "Hey Kim", "Only at Kundenpuls Berlin Mitte"));
        CampaignDefinition nobody = new CampaignDefinition("Leer", new CampaignDefinition.Audience(List.of("hamburg-altona"),
                null, null, null, null, null, null, null), d.variants(), null, null, null, null);
        assertThat(marketer.campaigns().preview(nobody).samples()).first()
                .satisfies(s -> assertThat(s.title()).as("an example shopper while nobody matches").isEqualTo("Hallo Alex"));
    }

    @Test
    void deadTokensAreRemovedQuotaErrorsRetriedCapsSuppressAndQuietHoursWait() throws Exception {
        List<String> tokens = shoppers(60, true, "t-");
        for (int i = 0; i < 10; i++) {
            fcm.unregister(tokens.get(i));
        }
        fcm.failNext(429, 5);
        String body = "{\"name\":\"%s\",\"audience\":{},\"variants\":[{\"locale\":\"de\",\"title\":\"T\",\"body\":\"B\"}]%s}";
        CampaignView first = sendAndWait(create(body.formatted("Erste", "")));
        assertStatsAddUp(first.stats());
        assertThat(first.stats().unregistered()).isEqualTo(10);
        assertThat(first.stats().sent()).isEqualTo(50);
        long requestsBefore = fcm.requestCount();

        // The dead tokens are gone from the profiles: the next campaign does not even try them.
        CampaignView capped = sendAndWait(create(body.formatted("Zweite", ",\"frequencyCap\":{\"max\":1,\"days\":7}")));
        assertStatsAddUp(capped.stats());
        assertThat(capped.stats().targeted()).isEqualTo(50);
        assertThat(capped.stats().suppressed()).isEqualTo(50);
        assertThat(fcm.requestCount()).isEqualTo(requestsBefore);

        // In quiet hours now (Berlin's local hour ± 1): the messages wait for them to end instead of being dropped.
        LocalTime local = LocalTime.now(ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
        CampaignView quiet = create(body.formatted("Nachts", ",\"quietHours\":{\"start\":\"%s\",\"end\":\"%s\"}"
                .formatted(local.minusHours(1), local.plusHours(1))));
        marketer.send("POST", "/api/campaigns/" + quiet.id() + "/send", null, CampaignView.class);
        CampaignView waiting = org.awaitility.Awaitility.await("waiting").atMost(Duration.ofSeconds(30))
                .until(() -> marketer.get("/api/campaigns/" + quiet.id(), CampaignView.class), v -> v.stats().waiting() == 50);
        assertThat(waiting.state()).isEqualTo("sending");
        assertThat(waiting.stats().pending()).isEqualTo(50);
        assertThat(waiting.stats().suppressed()).isZero();
        assertThat(fcm.requestCount()).isEqualTo(requestsBefore);

        for (int i = 0; i < 10; i++) {
            assertThat(fcm.deliveredTo(tokens.get(i))).isEmpty();
        }
        for (int i = 10; i < 60; i++) {
            assertThat(fcm.deliveredTo(tokens.get(i))).hasSize(1);
        }
    }

    @Test
    void eachChunkChecksConsentAndErasureAgainRightBeforeItIsSent() throws Exception {
        Map<String, KundenpulsClient> byToken = new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String token = "late-" + i;
                futures.add(pool.submit(() -> {
                    KundenpulsClient s = server.as("shopper");
                    s.me().patch(Map.of("contact", Map.of("name", "Kim Beispiel")));
                    s.me().consents(Map.of("marketing_push", true));
                    s.me().registerDevice(token, "android", "de");
                    byToken.put(token, s);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        fcm.latency(200);
        CampaignView c = create("{\"name\":\"Spät\",\"audience\":{},\"variants\":[{\"locale\":\"de\",\"title\":\"T\",\"body\":\"B\"}]}");
        marketer.send("POST", "/api/campaigns/" + c.id() + "/send", null, CampaignView.class);
        org.awaitility.Awaitility.await("the first chunk out").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> !fcm.delivered().isEmpty());
        // Everyone not reached yet changes their mind: one erases the account, the others withdraw consent.
        java.util.Set<String> reached = new java.util.HashSet<>();
        fcm.delivered().forEach(d -> reached.add(d.token()));
        List<String> changed = byToken.keySet().stream().filter(t -> !reached.contains(t)).sorted().toList();
        Map<String, java.time.Instant> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> futures = new ArrayList<>();
            for (String token : changed) {
                futures.add(pool.submit(() -> {
                    if (token.equals(changed.get(0))) {
                        byToken.get(token).me().delete();
                    } else {
                        byToken.get(token).me().consents(Map.of("marketing_push", false));
                    }
                    acknowledged.put(token, java.time.Instant.now());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        fcm.latency(0);
        CampaignView done = awaitDone(c.id());
        assertStatsAddUp(done.stats());
        // A chunk already on its way when someone changed their mind may still reach them; one that
        // is chosen afterwards never does. A chunk's messages go out together within a few hundred ms.
        List<GoogleStandIn.Delivered> late = fcm.delivered().stream()
                .filter(d -> acknowledged.containsKey(d.token()))
                .filter(d -> d.received().isAfter(acknowledged.get(d.token()).plusSeconds(3)))
                .toList();
        assertThat(late).as("messages chosen after the change of mind").isEmpty();
        long reachedAnyway = fcm.delivered().stream().filter(d -> acknowledged.containsKey(d.token())).count();
        assertThat(done.stats().suppressed()).as("the others were checked again and held back")
                .isEqualTo(changed.size() - reachedAnyway).isPositive();
        assertThat(done.stats().sent() + done.stats().suppressed()).isEqualTo(200);
    }

    @Test
    void aRestartInTheMiddleResumesWithoutSendingAnyoneTwice() throws Exception {
        List<String> tokens = shoppers(400, true, "r-");
        fcm.latency(150);
        CampaignView c = create("{\"name\":\"Lang\",\"audience\":{},\"variants\":[{\"locale\":\"de\",\"title\":\"T\",\"body\":\"B\"}]}");
        marketer.send("POST", "/api/campaigns/" + c.id() + "/send", null, CampaignView.class);
        org.awaitility.Awaitility.await("60 messages out").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> fcm.delivered().size() >= 60);
        int beforeRestart = fcm.delivered().size();
        assertThat(beforeRestart).isBetween(60, 399);
        server.restart();
        fcm.latency(0);
        marketer = server.as("marketer");
        CampaignView done = awaitDone(c.id());
        assertStatsAddUp(done.stats());
        assertThat(done.stats().sent()).isEqualTo(400);
        Map<String, Integer> perToken = new HashMap<>();
        fcm.delivered().forEach(d -> perToken.merge(d.token(), 1, Integer::sum));
        assertThat(perToken).hasSize(400).allSatisfy((token, n) -> assertThat(n).as(token).isEqualTo(1));
        assertThat(tokens).allSatisfy(t -> assertThat(perToken).containsKey(t));
    }

    @Test
    void aWorkspaceWideCapAppliesToCampaignsThatSetNone() throws Exception {
        server.close();
        server = TestServer.start(dir.resolve("workspace"), Map.of("push.fcm-endpoint", fcm.url(),
                "campaigns.frequency-cap.max", "1", "campaigns.frequency-cap.days", "7", "push.project-id", "kundenpuls-push"));
        marketer = server.as("marketer");
        shoppers(5, true, "w-");
        String body = "{\"name\":\"%s\",\"audience\":{},\"variants\":[{\"locale\":\"de\",\"title\":\"T\",\"body\":\"B\"}]}";
        assertThat(sendAndWait(create(body.formatted("Eins"))).stats().sent()).isEqualTo(5);
        CampaignView second = sendAndWait(create(body.formatted("Zwei")));
        assertThat(second.stats().suppressed()).isEqualTo(5);
        assertStatsAddUp(second.stats());
        // PUSH_PROJECT_ID names the FCM project the messages go to.
        assertThat(fcm.delivered()).extracting(GoogleStandIn.Delivered::project).containsOnly("kundenpuls-push");
    }

    @Test
    void aScheduledCampaignWaitsForItsTime() throws Exception {
        List<String> tokens = shoppers(3, true, "s-");
        KundenpulsClient reader = server.as("shopper");
        reader.me().consents(Map.of("marketing_push", true, "personalization", true));
        reader.me().registerDevice("s-reader", "ios", "en");
        String at = java.time.Instant.now().plusSeconds(3).toString();
        CampaignView c = create("{\"name\":\"Später\",\"audience\":{},\"scheduleAt\":\"" + at
                + "\",\"variants\":[{\"locale\":\"de\",\"title\":\"T\",\"body\":\"B\"}]}");
        CampaignView scheduled = marketer.send("POST", "/api/campaigns/" + c.id() + "/send", null, CampaignView.class);
        assertThat(scheduled.state()).isEqualTo("scheduled");
        assertThat(fcm.delivered()).isEmpty();
        CampaignView done = awaitDone(c.id());
        assertThat(done.startedAt()).isAfterOrEqualTo(java.time.Instant.parse(at));
        tokens.forEach(t -> assertThat(fcm.deliveredTo(t)).hasSize(1));

        // The app reports the open once; it is counted and teaches the profile.
        assertThat(reader.me().opened(c.id()).recorded()).isTrue();
        assertThat(reader.me().opened(c.id()).recorded()).as("a second open").isFalse();
        assertThat(marketer.get("/api/campaigns/" + c.id(), CampaignView.class).stats().opened()).isEqualTo(1);
        assertThat(reader.me().get().history()).anySatisfy(i -> assertThat(i.kind()).isEqualTo("push_opened"));
    }

    @Test
    void anOversizedMessageIsRejectedWhenComposed() {
        String big = "x".repeat(4000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> create("{\"name\":\"Zu lang\",\"audience\":{},\"variants\":"
                + "[{\"locale\":\"de\",\"title\":\"Hallo {firstName}\",\"body\":\"" + big + "\"}]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().field()).isEqualTo("variants[0].body");
                    assertThat(e.problem().detail()).contains("4096");
                });
    }
}
