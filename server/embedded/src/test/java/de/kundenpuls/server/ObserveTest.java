package de.kundenpuls.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public port tells anyone only UP or DOWN; health details (the data directory) and metrics are
 * served on the observability socket, which listens on loopback only by default.
 */
class ObserveTest {

    @TempDir
    Path dir;

    @Test
    void thePublicLearnsUpOrDownAndOperationsGetDetailsAndMetricsOnTheirOwnSocket() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            HttpClient http = HttpClient.newHttpClient();
            String publicBase = server.baseUrl();
            String observeBase = "http://127.0.0.1:" + server.server().observePort();
            assertThat(server.server().observePort()).isNotEqualTo(server.server().port());

            HttpResponse<String> up = get(http, publicBase + "/observe/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(http, publicBase + "/observe/metrics").statusCode()).isEqualTo(404);
            assertThat(get(http, publicBase + "/observe/health/ready").statusCode()).isEqualTo(404);

            HttpResponse<String> ready = get(http, observeBase + "/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"storage\"").contains("UP").contains(dir.getFileName().toString());
            HttpResponse<String> metrics = get(http, observeBase + "/observe/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).isNotBlank();

            server.server().storage().close();
            HttpResponse<String> down = get(http, publicBase + "/observe/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}").doesNotContain(dir.getFileName().toString());
            assertThat(get(http, observeBase + "/observe/health/ready").statusCode()).isEqualTo(503);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
