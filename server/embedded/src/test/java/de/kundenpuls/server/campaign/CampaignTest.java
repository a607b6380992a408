package de.kundenpuls.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.kundenpuls.embedded.GoogleStandIn;
import de.kundenpuls.model.campaign.CampaignPreview;
import de.kundenpuls.model.campaign.CampaignView;
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
    void deadTokensAreRemovedAndQuotaErrorsRetriedAndCapsAndQuietHoursSuppress() throws Exception {
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

        CampaignView quiet = sendAndWait(create(body.formatted("Nachts", ",\"quietHours\":{\"start\":\"00:00\",\"end\":\"23:59\"}")));
        assertStatsAddUp(quiet.stats());
        assertThat(quiet.stats().suppressed()).isEqualTo(quiet.stats().targeted());

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
