package de.kundenpuls.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's stand-in of Firebase Authentication checks passwords the way Firebase
 * does, attempt limit included: after five wrong passwords the account is locked for a while,
 * even for the right one. A kiosk's staff area and the console sign in through it. Its FCM side
 * lists what it delivered for inspection.
 */
class SignInStandInTest {

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, Map.of("standin.demo-accounts", "true"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String email = "berlin-mitte@demo.kundenpuls.de";
        assertThat(signIn(email, "kundenpuls-demo").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = signIn(email, "falsch-" + i);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("INVALID_PASSWORD");
        }
        HttpResponse<String> locked = signIn(email, "kundenpuls-demo");
        assertThat(locked.statusCode()).isEqualTo(400);
        assertThat(locked.body()).contains("TOO_MANY_ATTEMPTS_TRY_LATER");
        assertThat(signIn("hamburg-altona@demo.kundenpuls.de", "kundenpuls-demo").statusCode())
                .as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void theInspectionEndpointListsADeliveredMessageWithItsTime() throws Exception {
        String base = server.standIn().url();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/projects/kundenpuls-dev/messages:send"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":{\"token\":\"tok-1\",\"notification\":"
                        + "{\"title\":\"Hallo\",\"body\":\"Neu\"}}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base + "/standin/messages?token=tok-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        var items = de.kundenpuls.server.api.Json.mapper().readTree(listed.body()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("title").asText()).isEqualTo("Hallo");
        assertThat(java.time.Instant.parse(items.get(0).get("received").asText())).isBefore(java.time.Instant.now().plusSeconds(1));
    }

    private HttpResponse<String> signIn(String email, String password) throws Exception {
        String url = server.standIn().url()
                + "/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=local-stand-in";
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"returnSecureToken\":true}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
