package de.kundenpuls.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult.Status;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Capture that cannot be stuffed: every answer needs an identity, and one identity's answers are
 * limited on the server's clock, whatever createdAt they claim. Real server, real HTTP, the
 * production limits (5 at once and one more every 30 s per app account; 500 and one every 2 s per
 * kiosk).
 */
class CaptureAbuseTest {

    private static final String STORE = "hamburg-altona";

    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("catalog.seed-demo", "true"));
    private KundenpulsClient marketer;

    @BeforeEach
    void start() {
        marketer = server.as("marketer");
    }

    @Test
    void answersWithoutASignInAreRefusedAndNotStored() {
        ApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> server.client().feedback().send(List.of(answer(Instant.now().minusSeconds(10), null))));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.problem().field()).isEqualTo("Authorization");
        assertThat(scores().count()).isZero();
    }

    @Test
    void aFloodFromOneAppAccountCountsForNothingWhileAKioskAtANormalPaceIsHeard() throws Exception {
        KundenpulsClient account = server.as("shopper");
        Instant start = Instant.now().minusSeconds(20_000);
        assertThat(account.feedback().send(List.of(answer(start, null))).results().get(0).status()).isEqualTo(Status.ACCEPTED);
        ScoreReport before = scores();

        // Meanwhile an enrolled kiosk at the checkout: one answer every half second, 40 in all.
        KundenpulsClient kiosk = server.kiosk(STORE, "checkout");
        CompletableFuture<List<Status>> kioskAnswers = CompletableFuture.supplyAsync(() -> {
            List<Status> statuses = new ArrayList<>();
            Instant at = Instant.now().minusSeconds(600);
            for (int i = 0; i < 40; i++) {
                FeedbackItem item = Items.full(STORE, "checkout", at.plusSeconds(i * 5L), 5, 10, null, Map.of(), null, null, "till-1");
                statuses.add(kiosk.feedback().send(List.of(item)).results().get(0).status());
                sleep(250);
            }
            return statuses;
        });

        // 1,000 answers within 10 s, createdAt spaced 3 s apart so that no device interval trips.
        HttpClient http = HttpClient.newHttpClient();
        String token = tokenOf(account);
        List<HttpResponse<String>> refusals = new ArrayList<>();
        Instant at = start.plusSeconds(10);
        for (int batch = 0; batch < 20; batch++) {
            List<FeedbackItem> items = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                items.add(answer(at, "Bitte rufen Sie mich an, sofort!"));
                at = at.plusSeconds(3);
            }
            refusals.add(post(http, token, items));
            sleep(400);
        }
        assertThat(refusals).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(r.body()).contains("\"field\":\"items\"");
        });

        List<Status> kioskStatuses = kioskAnswers.get(60, TimeUnit.SECONDS);
        assertThat(kioskStatuses).hasSize(40).containsOnly(Status.ACCEPTED);
        ScoreReport after = scores();
        assertThat(after.count()).as("only the kiosk's 40 answers were added").isEqualTo(before.count() + 40);
        assertThat(after.csat()).as("the kiosk's 5s lift the score; the flood's 1s would have sunk it").isGreaterThan(before.csat());
        assertThat(server.staff(STORE).cases().list("all")).extracting(c -> c.comment()).noneMatch(c -> c != null && c.contains("rufen Sie mich an"));
        assertThat(marketer.analytics().alerts(STORE)).isEmpty();
    }

    @Test
    void oneAddressBringsInOnlySoManyNewAccountsWhileKnownAccountsGoOn() {
        server.restart(Map.of("feedback.limits.new-accounts.burst", "3", "feedback.limits.new-accounts.refill-seconds", "3600"));
        marketer = server.as("marketer");
        Instant at = Instant.now().minusSeconds(3_000);
        List<KundenpulsClient> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            KundenpulsClient account = server.as("shopper");
            accounts.add(account);
            assertThat(account.feedback().send(List.of(answer(at.plusSeconds(i * 10L), null))).results().get(0).status())
                    .isEqualTo(Status.ACCEPTED);
        }
        // A fourth new account from the same address: refused as a whole, nothing stored.
        ApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> server.as("shopper").feedback().send(List.of(answer(at.plusSeconds(100), null))));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problem().detail()).contains("new app accounts");
        assertThat(scores().count()).isEqualTo(3);
        // The accounts it already brought in are not new any more.
        assertThat(accounts.get(0).feedback().send(List.of(answer(at.plusSeconds(200), null))).results().get(0).status())
                .isEqualTo(Status.ACCEPTED);
        assertThat(scores().count()).isEqualTo(4);
    }

    @Test
    void oneByOneAnAccountGetsNoMoreThanItsBurst() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = tokenOf(server.as("shopper"));
        Instant at = Instant.now().minusSeconds(10_000);
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = post(http, token, List.of(answer(at.plusSeconds(i * 4L), null)));
            if (r.statusCode() == 200) {
                accepted++;
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                limited++;
            }
        }
        // Five at once; within the seconds this loop takes, no sixth (one more comes every 30 s).
        assertThat(accepted).isEqualTo(5);
        assertThat(limited).isEqualTo(45);
        assertThat(scores().count()).isEqualTo(5);
    }

    @Test
    void retriesOfStoredAnswersCostNothing() {
        KundenpulsClient account = server.as("shopper");
        Instant at = Instant.now().minusSeconds(1_000);
        List<FeedbackItem> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(answer(at.plusSeconds(i * 10L), null));
        }
        assertThat(account.feedback().send(five).results()).extracting(BatchResult.ItemResult::status).containsOnly(Status.ACCEPTED);
        // The outbox did not hear the answer and sends the same batch again.
        assertThat(account.feedback().send(five).results()).extracting(BatchResult.ItemResult::status).containsOnly(Status.DUPLICATE);
        ApiException sixth = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> account.feedback().send(List.of(answer(at.plusSeconds(100), null))));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.problem().field()).isEqualTo("items");
        assertThat(scores().count()).isEqualTo(5);
    }

    private ScoreReport scores() {
        return scores("");
    }

    private ScoreReport scores(String more) {
        return marketer.get("/api/analytics/scores?storeId=" + STORE + "&from=" + java.time.LocalDate.now().minusDays(7)
                + (more.isEmpty() ? "" : "&" + more), ScoreReport.class);
    }

    private static FeedbackItem answer(Instant at, String comment) {
        return Items.full(STORE, "checkout", at, 1, 0, null, Map.of(), comment, null, null);
    }

    private HttpResponse<String> post(HttpClient http, String token, List<FeedbackItem> items) throws Exception {
        byte[] body = KundenpulsClient.mapper().writeValueAsBytes(Map.of("items", items));
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/feedback/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenOf(KundenpulsClient client) {
        return client.token().orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
