package de.kundenpuls.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's files and its vendored libraries as a browser fetches them: fresh and revalidated. */
class ConsoleAssetsTest {

    @TempDir
    static Path dir;

    private static TestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @org.junit.jupiter.api.Test
    void theFaviconIsServedWhereBrowsersLookForIt() throws Exception {
        HttpResponse<String> icon = get("/console/favicon.svg", null);
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
        HttpResponse<String> legacy = get("/favicon.ico", null);
        assertThat(legacy.statusCode()).isEqualTo(308);
        assertThat(legacy.headers().firstValue("Location")).contains("/console/favicon.svg");
        assertThat(get("/console/", null).body()).contains("<link rel=\"icon\" href=\"favicon.svg\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/main.js", "/console/views/kiosks.js", "/console/vendor/chart.umd.js",
            "/console/vendor/firebase/firebase-auth-compat.js"})
    void unchangedFileIsRevalidatedWithNotModifiedAndNoBody(String path) throws Exception {
        HttpResponse<String> first = get(path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isNotBlank();
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get(path, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
    }

    @Test
    void signInSettingsOfTheEmbeddedDefaultOfferBothWays() throws Exception {
        HttpResponse<String> settings = get("/api/console/sign-in", null);
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("\"devSignIn\":true").contains("\"authEmulator\":\"http://127.0.0.1:");
    }
}
