package de.kundenpuls.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every response carries the security headers (no inline script, no framing, no sniffing, no
 * referrer), errors included; the dev sign-in answers only callers on the loopback address.
 */
class SecurityHeadersTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void consoleApiAndErrorsCarryTheSecurityHeaders() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String base = "http://127.0.0.1:" + server.server().port();
            for (String path : new String[] {"/console/", "/console/app.js", "/api/products", "/api/nothing-here"}) {
                HttpResponse<Void> res = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                String csp = res.headers().firstValue("Content-Security-Policy").orElse("");
                assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("script-src 'self';")
                        .contains("object-src 'none'");
                assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                        .doesNotContain("unsafe");
                assertThat(res.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(res.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
                assertThat(res.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            }
        }
    }

    @Test
    void devSignInRefusesCallersFromTheNetwork() throws Exception {
        InetAddress lan = NetworkInterface.networkInterfaces().filter(n -> {
            try {
                return n.isUp() && !n.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst()
                .orElseThrow(() -> new AssertionError("this test needs a non-loopback IPv4 address on the machine"));
        try (TestServer server = TestServer.start(dir, Map.of("server.host", "0.0.0.0"))) {
            String body = "{\"role\":\"admin\"}";
            HttpResponse<String> local = post("http://127.0.0.1:" + server.server().port() + "/api/dev/tokens", body);
            assertThat(local.statusCode()).isEqualTo(200);
            HttpResponse<String> remote = post("http://" + lan.getHostAddress() + ":" + server.server().port() + "/api/dev/tokens",
                    body);
            assertThat(remote.statusCode()).as("dev sign-in from %s", lan).isEqualTo(403);
            assertThat(remote.body()).contains("loopback").doesNotContain("token\":");
        }
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
