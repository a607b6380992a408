package de.kundenpuls.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health (with storage in readiness) and metrics are served for operations. */
class ObserveTest {

    @TempDir
    Path dir;

    @Test
    void readinessIncludesStorageAndMetricsAreServed() {
        try (TestServer server = TestServer.start(dir)) {
            HttpResponse<byte[]> ready = server.client().exchange("GET", "/observe/health/ready", null, null);
            assertThat(ready.statusCode()).isEqualTo(200);
            String body = new String(ready.body(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"storage\"").contains("UP").contains(dir.getFileName().toString());

            server.server().storage().close();
            HttpResponse<byte[]> down = server.client().exchange("GET", "/observe/health/ready", null, null);
            assertThat(down.statusCode()).isEqualTo(503);

            HttpResponse<byte[]> metrics = server.client().exchange("GET", "/observe/metrics", null, null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(new String(metrics.body(), StandardCharsets.UTF_8)).isNotBlank();
        }
    }
}
