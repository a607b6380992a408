package de.kundenpuls.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.AnswerPage;
import de.kundenpuls.model.feedback.BatchResult.Status;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.privacy.PersonalDataExport;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Feedback capture over real HTTP on a real data directory. */
class FeedbackCaptureTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("catalog.seed-demo", "true"));
    private KundenpulsClient marketer;

    @BeforeEach
    void start() {
        marketer = server.as("marketer");
    }

    private long count(String query) {
        return marketer.get("/api/analytics/scores?" + query, ScoreReport.class).count();
    }

    @Test
    void eachItemIsJudgedOnItsOwnAndRetriesAreDuplicates() {
        KundenpulsClient app = server.as("shopper");
        FeedbackItem good = Items.rating(5, "Super");
        String batch = """
                {"items":[
                  %s,
                  {"id":"%s","storeId":"berlin-mitte","touchpoint":"checkout","createdAt":"%s","rating":9},
                  {"id":"%s","storeId":"berlin-mitte","touchpoint":"garden","createdAt":"%s","rating":3},
                  {"id":"%s","storeId":"berlin-mitte","touchpoint":"checkout","createdAt":"%s","rating":3},
                  {"id":"%s","storeId":"berlin-mitte","touchpoint":"checkout","createdAt":"%s","dimensions":{"quality":4,"staff":6}}
                ]}""".formatted(json(good), UUID.randomUUID(), Instant.now(), UUID.randomUUID(), Instant.now(),
                UUID.randomUUID(), Instant.now().plusSeconds(3600), UUID.randomUUID(), Instant.now());
        BatchResult first = app.sendBytes("POST", "/api/feedback/batch", batch.getBytes(StandardCharsets.UTF_8),
                "application/json", BatchResult.class);
        assertThat(first.results()).extracting(BatchResult.ItemResult::status)
                .containsExactly(Status.ACCEPTED, Status.REJECTED, Status.REJECTED, Status.REJECTED, Status.REJECTED);
        assertThat(first.results().get(1).problem().field()).isEqualTo("items[1].rating");
        assertThat(first.results().get(2).problem().field()).isEqualTo("items[2].touchpoint");
        assertThat(first.results().get(3).problem().field()).isEqualTo("items[3].createdAt");
        assertThat(first.results().get(4).problem().field()).isEqualTo("items[4].dimensions.staff");
        assertThat(first.results().get(1).problem().detail()).contains("between 1 and 5");

        BatchResult retry = app.sendBytes("POST", "/api/feedback/batch", batch.getBytes(StandardCharsets.UTF_8),
                "application/json", BatchResult.class);
        assertThat(retry.results().get(0).status()).isEqualTo(Status.DUPLICATE);
        assertThat(count("storeId=berlin-mitte")).isEqualTo(1);
    }

    @Test
    void theScoresKeepTheNewestUnhappyCommentsApartFromTheNewestOfAll() {
        Instant now = Instant.now();
        List<FeedbackItem> items = new java.util.ArrayList<>();
        items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", now.minusSeconds(600), 1, null, null, null,
                "Kasse nicht besetzt", null, null, null, null, null));
        items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", now.minusSeconds(590), 4, 3, null, null,
                "Ganz ok, würde aber nicht empfehlen", null, null, null, null, null));
        // Twelve newer happy comments: more than the newest comments the report lists.
        for (int i = 0; i < 12; i++) {
            items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", now.minusSeconds(300 - 5L * i), 5, 10, null,
                    null, "Schnell und freundlich " + i, null, null, null, null, null));
        }
        server.staff("berlin-mitte").feedback().send(items);

        ScoreReport report = marketer.get("/api/analytics/scores?storeId=berlin-mitte&touchpoint=checkout", ScoreReport.class);
        assertThat(report.count()).isEqualTo(14);
        assertThat(report.comments()).hasSize(10).allSatisfy(c -> assertThat(c.text()).startsWith("Schnell und freundlich"));
        assertThat(report.detractorComments()).extracting(ScoreReport.Comment::text)
                .containsExactly("Ganz ok, würde aber nicht empfehlen", "Kasse nicht besetzt");
    }

    @Test
    void theAnswersBehindACellComePagedNewestFirstWithinTheirScope() {
        Instant now = Instant.now();
        List<FeedbackItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", now.minusSeconds(100 - 5L * i), 1 + i % 5,
                    null, null, null, "Antwort " + i, i == 4 ? new de.kundenpuls.model.Gtin("4013456000018") : null, null, null,
                    null, null));
        }
        items.add(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "shelf", now.minusSeconds(50), 3, null, null, null,
                "Anderer Touchpoint", null, null, null, null, null));
        server.staff("berlin-mitte").feedback().send(items);
        server.staff("hamburg-altona").feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "hamburg-altona", "checkout",
                now.minusSeconds(10), 2, null, null, null, "Anderer Markt", null, null, null, null, null)));

        String cell = "/api/feedback/answers?storeId=berlin-mitte&touchpoint=checkout&size=2";
        AnswerPage first = marketer.get(cell, AnswerPage.class);
        AnswerPage last = marketer.get(cell + "&page=2", AnswerPage.class);
        assertThat(first.items()).extracting(AnswerPage.Answer::comment).containsExactly("Antwort 4", "Antwort 3");
        assertThat(first.more()).isTrue();
        assertThat(last.items()).extracting(AnswerPage.Answer::comment).containsExactly("Antwort 0");
        assertThat(last.more()).isFalse();
        assertThat(first.items().getFirst().product()).isEqualTo("Frische Vollmilch 3,5 %");
        assertThat(first.items().getFirst().category()).isEqualTo("dairy");
        assertThat(marketer.get("/api/feedback/answers?storeId=berlin-mitte&category=dairy", AnswerPage.class).items())
                .extracting(AnswerPage.Answer::comment).containsExactly("Antwort 4");
        assertThat(marketer.get("/api/feedback/answers?gtin=4013456000018", AnswerPage.class).items()).hasSize(1);
        assertThat(marketer.get("/api/feedback/answers?touchpoint=checkout", AnswerPage.class).items())
                .extracting(AnswerPage.Answer::comment).startsWith("Anderer Markt").hasSize(6);
        // Staff read their own store only; a range before the answers holds none.
        assertThat(server.staff("hamburg-altona").get("/api/feedback/answers", AnswerPage.class).items())
                .extracting(AnswerPage.Answer::comment).containsExactly("Anderer Markt");
        ApiException foreign = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> server.staff("hamburg-altona").get("/api/feedback/answers?storeId=berlin-mitte", AnswerPage.class));
        assertThat(foreign.status()).isEqualTo(403);
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3).toString();
        assertThat(marketer.get("/api/feedback/answers?from=" + yesterday + "&to=" + yesterday, AnswerPage.class).items()).isEmpty();
        ApiException tooBig = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> marketer.get("/api/feedback/answers?size=1000", AnswerPage.class));
        assertThat(tooBig.problem().field()).isEqualTo("size");
        ApiException typo = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> marketer.get("/api/feedback/answers?gtin=4013456000019", AnswerPage.class));
        assertThat(typo.problem().field()).isEqualTo("gtin");
        assertThat(typo.problem().type()).isEqualTo("https://kundenpuls.de/problems/gtin-check-digit");
    }

    @Test
    void answersOlderThanTheCaptureWindowAreRejectedWithTheFieldAndNothingIsCounted() {
        FeedbackItem old = new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout",
                Instant.now().minus(java.time.Duration.ofDays(31)), 1, null, null, Map.of(), null, null, null, null, null, null);
        FeedbackItem recent = Items.rating(4, null);
        BatchResult result = server.as("shopper").feedback().send(List.of(old, recent));
        assertThat(result.results()).extracting(BatchResult.ItemResult::status).containsExactly(Status.REJECTED, Status.ACCEPTED);
        assertThat(result.results().get(0).problem().field()).isEqualTo("items[0].createdAt");
        assertThat(result.results().get(0).problem().detail()).contains("30 days in the past");
        assertThat(count("storeId=berlin-mitte&from=" + java.time.LocalDate.now().minusDays(60))).isEqualTo(1);
        ApiException wrong = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> server.as("marketer").get("/api/analytics/scores?granularity=year", ScoreReport.class));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problem().field()).isEqualTo("granularity");
    }

    @Test
    void aRejectedItemLeavesNoTraceSoItsIdCanStillBeUsed() {
        UUID id = UUID.randomUUID();
        FeedbackItem bad = new FeedbackItem(id, "berlin-mitte", "checkout", Instant.now(), 4, null, null, Map.of(), null,
                null, null, null, null, null);
        String badJson = json(bad).replace("\"rating\":4", "\"rating\":4,\"gtin\":\"4013456000019\"");
        KundenpulsClient app = server.as("shopper");
        BatchResult rejected = app.sendBytes("POST", "/api/feedback/batch",
                ("{\"items\":[" + badJson + "]}").getBytes(StandardCharsets.UTF_8), "application/json", BatchResult.class);
        assertThat(rejected.results().get(0).status()).isEqualTo(Status.REJECTED);
        assertThat(rejected.results().get(0).problem().field()).isEqualTo("items[0].gtin");
        assertThat(count("storeId=berlin-mitte")).isZero();

        BatchResult accepted = app.feedback().send(List.of(bad));
        assertThat(accepted.results().get(0).status()).isEqualTo(Status.ACCEPTED);
        assertThat(count("storeId=berlin-mitte")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfTheSameBatchStoreEachItemOnce() throws Exception {
        List<FeedbackItem> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(Items.full("hamburg-altona", "shelf", Instant.now().minusSeconds(3600 + i * 10L), 1 + i % 5, i % 11, null,
                    Map.of(), null, null, null));
        }
        List<Callable<BatchResult>> senders = new ArrayList<>();
        KundenpulsClient kiosk = server.staff("hamburg-altona");
        for (int t = 0; t < 8; t++) {
            senders.add(() -> kiosk.feedback().send(items));
        }
        int accepted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<BatchResult> f : pool.invokeAll(senders)) {
                for (BatchResult.ItemResult r : f.get().results()) {
                    assertThat(r.status()).isIn(Status.ACCEPTED, Status.DUPLICATE);
                    if (r.status() == Status.ACCEPTED) {
                        accepted++;
                    }
                }
            }
        }
        assertThat(accepted).isEqualTo(60);
        assertThat(count("storeId=hamburg-altona")).isEqualTo(60);
        server.restart();
        marketer = server.as("marketer");
        assertThat(count("storeId=hamburg-altona")).isEqualTo(60);
    }

    @Test
    void buttonMashingIsRejectedButAnOfflineBatchIsNot() {
        Instant t0 = Instant.now().minusSeconds(86_400);
        List<FeedbackItem> mashing = List.of(
                Items.full("berlin-mitte", "entrance", t0, 5, null, null, Map.of(), null, null, "kiosk-7"),
                Items.full("berlin-mitte", "entrance", t0.plusMillis(800), 5, null, null, Map.of(), null, null, "kiosk-7"),
                Items.full("berlin-mitte", "entrance", t0.plusMillis(1500), 5, null, null, Map.of(), null, null, "kiosk-7"));
        KundenpulsClient kiosk = server.staff("berlin-mitte");
        BatchResult mashed = kiosk.feedback().send(mashing);
        assertThat(mashed.results()).extracting(BatchResult.ItemResult::status)
                .containsExactly(Status.ACCEPTED, Status.REJECTED, Status.REJECTED);
        // The refusal has its own problem type, so that an app can say so in its own words.
        assertThat(mashed.results().get(1).problem().type()).isEqualTo(de.kundenpuls.model.Problem.TYPE_TOO_SOON);
        assertThat(mashed.results().get(1).problem().field()).isEqualTo("items[1].createdAt");

        // Captured offline over an afternoon, synced at once: every answer counts.
        List<FeedbackItem> offline = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offline.add(Items.full("berlin-mitte", "entrance", t0.plusSeconds(60 + i * 40L), 2 + i % 4, null, null, Map.of(),
                    null, null, "kiosk-7"));
        }
        assertThat(kiosk.feedback().send(offline).results()).extracting(BatchResult.ItemResult::status)
                .containsOnly(Status.ACCEPTED);

        // A kiosk is bound to its own store.
        BatchResult foreign = kiosk.feedback().send(List.of(Items.full("wien-neubau", "entrance", t0, 5, null, null, Map.of(),
                null, null, "kiosk-7")));
        assertThat(foreign.results().get(0).problem().field()).isEqualTo("items[0].storeId");
    }

    @Test
    void signedInAnswersAreLinkedAndTeachTheProfileOnlyWithConsent() {
        KundenpulsClient learner = server.as("shopper");
        learner.me().consents(Map.of("personalization", true));
        learner.feedback().send(List.of(Items.full("berlin-mitte", "shelf", Instant.now().minusSeconds(30), 1, null, null,
                Map.of("quality", 1), "Milch war sauer", Items.MILK, null)));
        Profile taught = learner.me().get();
        assertThat(taught.affinities().get("dairy")).isNegative();
        assertThat(taught.history()).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo("feedback");
            assertThat(i.category()).isEqualTo("dairy");
        });
        assertThat(learner.me().export().feedback().answers()).extracting(PersonalDataExport.Answer::comment).containsExactly("Milch war sauer");

        KundenpulsClient private_ = server.as("shopper");
        private_.me().get();
        private_.feedback().send(List.of(Items.full("berlin-mitte", "shelf", Instant.now().minusSeconds(30), 1, null, null,
                Map.of(), null, Items.MILK, null)));
        Profile untaught = private_.me().get();
        assertThat(untaught.affinities()).isEmpty();
        assertThat(untaught.history()).isEmpty();
    }

    private static String json(FeedbackItem item) {
        try {
            return KundenpulsClient.mapper().writeValueAsString(item);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
