package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HappyOrNot-style alert reaches the store's staff live over SSE, with the score updates. */
class AlertStreamTest {

    @TempDir
    Path dir;

    @Test
    void unhappyStreakAtOneTouchpointAlertsThatStoresStaffOnly() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String staffToken = server.identity("staff", "berlin-mitte").token();
            String otherToken = server.identity("staff", "hamburg-altona").token();
            HttpClient http = HttpClient.newHttpClient();
            InputStream own = open(http, server.baseUrl(), staffToken);
            InputStream other = open(http, server.baseUrl(), otherToken);
            assertThat(readUntil(own, "ready", 10)).isNotEmpty();
            assertThat(readUntil(other, "ready", 10)).isNotEmpty();

            // 3 answers are not enough, whatever they say; the 4th tips 3 of 4 unhappy (75 % >= 50 %).
            KundenpulsClient app = server.as("shopper");
            Instant now = Instant.now();
            app.feedback().send(List.of(item(1, now.minusSeconds(300), "Lange Schlange, nur eine Kasse offen"),
                    item(2, now.minusSeconds(200), "Die Schlange war viel zu lang"), item(5, now.minusSeconds(100), null)));
            app.feedback().send(List.of(item(1, now.minusSeconds(10), null)));

            List<String> events = readUntil(own, "alert", 10);
            assertThat(events).anySatisfy(e -> assertThat(e).startsWith("scores"));
            String alert = events.get(events.size() - 1);
            assertThat(alert).contains("\"touchpoint\":\"checkout\"").contains("\"answers\":4").contains("\"unhappy\":3");
            assertThat(alert).as("what the unhappy comments behind it are about").contains("\"painPoint\":\"Schlange\"");

            assertThat(server.as("marketer").analytics().alerts("berlin-mitte")).singleElement().satisfies(a -> {
                assertThat(a.touchpoint()).isEqualTo("checkout");
                assertThat(a.unhappy()).isEqualTo(3);
            });

            // Hamburg's staff only hear pings, never Berlin's alert.
            List<String> otherEvents = readFor(other, Duration.ofSeconds(2));
            assertThat(otherEvents).noneSatisfy(e -> assertThat(e).startsWith("alert"));
            own.close();
            other.close();

            // Raised alerts are stored with the answer that raised them: a restart keeps them.
            server.restart();
            assertThat(server.staff("berlin-mitte").analytics().alerts(null)).singleElement()
                    .satisfies(a -> assertThat(a.answers()).isEqualTo(4));
        }
    }

    private static FeedbackItem item(int rating, Instant at, String comment) {
        return new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", at, rating, null, null, Map.of(), comment, null,
                null, null, null, null);
    }

    private static InputStream open(HttpClient http, String base, String token) throws Exception {
        String ticket = KundenpulsClient.create(base).withToken(token).analytics().streamTicket().ticket();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/analytics/stream?ticket=" + ticket))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Reads SSE events ("name data") until one with the given name arrives. */
    private static List<String> readUntil(InputStream in, String name, int seconds) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CompletableFuture<List<String>> done = CompletableFuture.supplyAsync(() -> {
            List<String> events = new ArrayList<>();
            String event = null;
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && event != null) {
                        events.add(event + " " + line.substring(5).strip());
                        if (event.equals(name)) {
                            return events;
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return events;
        });
        return done.get(seconds, TimeUnit.SECONDS);
    }

    private static List<String> readFor(InputStream in, Duration duration) {
        try {
            return readUntil(in, "never", (int) duration.toSeconds());
        } catch (java.util.concurrent.TimeoutException e) {
            return List.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
