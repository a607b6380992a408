package de.kundenpuls.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow and vanishing clients over a raw socket: a body that stalls is closed after the configured
 * time ({@code requests.body-timeout-seconds}), and nothing of it is stored.
 */
class SlowClientTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("catalog.seed-demo", "true", "requests.body-timeout-seconds", "2"));

    @Test
    void aBodyThatStallsIsClosedAfterTheBodyTimeoutAndNothingIsStored() throws Exception {
        String token = server.as("shopper").token().orElseThrow();
        String body = "{\"items\":[{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"storeId\":\"berlin-mitte\","
                + "\"touchpoint\":\"checkout\",\"createdAt\":\"" + Instant.now().minusSeconds(30) + "\",\"rating\":1}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int port = java.net.URI.create(server.baseUrl()).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/feedback/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // All but the last byte, then nothing: the client stalls.
            out.write(bytes, 0, bytes.length - 1);
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.readAllBytes().length;
            } catch (SocketException reset) {
                read = -1;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("closed after the 2 s body timeout, not at the client's 15 s").isBetween(
                    Duration.ofMillis(1_500), Duration.ofSeconds(12));
            assertThat(read).as("the server answered nothing but closed: %s bytes", read).isLessThanOrEqualTo(0);
        }
        ScoreReport scores = server.as("marketer").get("/api/analytics/scores?storeId=berlin-mitte", ScoreReport.class);
        assertThat(scores.count()).isZero();
        // The server keeps serving others.
        assertThat(server.client().exchange("GET", "/api/stores", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void clientsThatHangUpAreLoggedQuietlyWithoutAStackTrace() throws Exception {
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            java.util.logging.Logger.getLogger("io.helidon.webserver.test").warning("capture check");
            int port = java.net.URI.create(server.baseUrl()).getPort();
            for (String path : java.util.List.of("/console/vendor/chart.umd.js", "/api/products?size=100", "/console/app.js")) {
                for (int i = 0; i < 5; i++) {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setSoLinger(true, 0);
                        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                        socket.getInputStream().read();
                    }
                }
            }
            // Hang-ups in the middle of a request body.
            String token = server.as("shopper").token().orElseThrow();
            for (int i = 0; i < 5; i++) {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setSoLinger(true, 0);
                    socket.getOutputStream().write(("POST /api/feedback/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + token + "\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"items\":[")
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(200);
                }
            }
            // A live stream whose client goes away.
            String staff = server.staff("berlin-mitte").token().orElseThrow();
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setSoLinger(true, 0);
                    socket.getOutputStream().write(("GET /api/analytics/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + staff + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    socket.getInputStream().read();
                }
            }
            server.as("shopper").feedback().send(java.util.List.of(new de.kundenpuls.model.feedback.FeedbackItem(
                    java.util.UUID.randomUUID(), "berlin-mitte", "checkout", Instant.now().minusSeconds(5), 4, null, null, Map.of(),
                    null, null, null, null, null, null)));
            // The server may log a hang-up a little later: nothing loud for a while, then done.
            org.awaitility.Awaitility.await("no stack trace for hang-ups").during(Duration.ofMillis(1_500))
                    .atMost(Duration.ofSeconds(5)).until(() -> records.stream()
                            .noneMatch(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() && r.getThrown() != null));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(records).as("the capture works").anySatisfy(r -> assertThat(r.getMessage()).contains("capture check"));
    }
}
