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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live stream is opened with a single-use ticket, never with a token in the URL; it ends when
 * the caller's token expires; and one identity can hold only a few streams open.
 */
class StreamAdmissionTest {

    @TempDir
    Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTicketOpensTheStreamOnceAndATokenInTheUrlIsRefused() throws Exception {
        server = TestServer.start(dir);
        String token = server.identity("marketer", null).token();
        String ticket = ticket(token);
        HttpResponse<InputStream> first = open("?ticket=" + ticket);
        assertThat(first.statusCode()).isEqualTo(200);
        first.body().close();
        HttpResponse<InputStream> again = open("?ticket=" + ticket);
        assertThat(again.statusCode()).as("a used ticket").isEqualTo(401);
        again.body().close();
        HttpResponse<InputStream> inUrl = open("?access_token=" + token);
        assertThat(inUrl.statusCode()).isEqualTo(400);
        assertThat(new String(inUrl.body().readAllBytes(), StandardCharsets.UTF_8)).contains("\"field\":\"access_token\"");
        HttpResponse<InputStream> none = open("");
        assertThat(none.statusCode()).isEqualTo(401);
        none.body().close();
    }

    @Test
    void theStreamEndsWhenItsTokenExpires() throws Exception {
        // Tokens valid for 4 s, so that the test sees one expire.
        server = TestServer.start(dir, Map.of("dev.token-lifetime-seconds", "4"));
        String token = server.identity("marketer", null).token();
        HttpResponse<InputStream> stream = open("?ticket=" + ticket(token));
        assertThat(stream.statusCode()).isEqualTo(200);
        // Read until the server closes the stream; it must do so after about 4 s, with "expired".
        CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> readAll(stream.body()));
        List<String> names = events.get(30, TimeUnit.SECONDS);
        assertThat(names).first().isEqualTo("ready");
        assertThat(names).last().isEqualTo("expired");
    }

    @Test
    void oneIdentityHoldsAtMostFiveStreams() throws Exception {
        server = TestServer.start(dir);
        var marketer = server.identity("marketer", null);
        List<InputStream> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<InputStream> s = open("?ticket=" + ticket(marketer.token()));
            assertThat(s.statusCode()).isEqualTo(200);
            open.add(s.body());
        }
        HttpResponse<InputStream> sixth = open("?ticket=" + ticket(marketer.token()));
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        sixth.body().close();
        // Another identity is not affected.
        HttpResponse<InputStream> other = open("?ticket=" + ticket(server.identity("marketer", null).token()));
        assertThat(other.statusCode()).isEqualTo(200);
        other.body().close();
        for (InputStream in : open) {
            in.close();
        }
    }

    private String ticket(String token) {
        return KundenpulsClient.create(server.baseUrl()).withToken(token).analytics().streamTicket().ticket();
    }

    private HttpResponse<InputStream> open(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/analytics/stream" + query))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static List<String> readAll(InputStream in) {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    names.add(line.substring(6).strip());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }
}
