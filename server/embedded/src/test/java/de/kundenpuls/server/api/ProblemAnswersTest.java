package de.kundenpuls.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.Problem;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Problems over HTTP as a client reads them: a type per code, title and detail in the language the
 * request prefers (German or English), the full path as instance, and no Java in the wording.
 */
class ProblemAnswersTest {

    @RegisterExtension
    static final TestServer SERVER = TestServer.perClass(Map.of("catalog.seed-demo", "true"));

    private final HttpClient http = HttpClient.newHttpClient();

    private Problem send(HttpRequest.Builder request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        return Json.mapper().readValue(response.body(), Problem.class);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path));
    }

    @Test
    void aGermanReaderGetsTitleAndDetailInGermanAndTheApiStaysEnglish() throws Exception {
        Problem german = send(get("/api/products/4006381333932").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8"), 400);
        Problem english = send(get("/api/products/4006381333932"), 400);
        Problem french = send(get("/api/products/4006381333932").header("Accept-Language", "fr-FR"), 400);

        assertThat(german.type()).isEqualTo("https://kundenpuls.de/problems/gtin-check-digit").isEqualTo(english.type());
        assertThat(german.title()).isEqualTo("Ungültige Anfrage");
        assertThat(german.detail()).isEqualTo("hat eine falsche Prüfziffer (richtig wäre 1)");
        assertThat(german.field()).isEqualTo("gtin").isEqualTo(english.field());
        assertThat(english.title()).isEqualTo("Invalid request");
        assertThat(english.detail()).isEqualTo("has a wrong check digit (expected 1)");
        assertThat(french).isEqualTo(english);
    }

    @Test
    void theInstanceIsTheFullPathAlsoInsideAFeaturesRouting() throws Exception {
        String token = SERVER.identity("shopper", null).token();
        Problem problem = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/api/me"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"locale\":\"fr\"}")), 400);
        assertThat(problem.instance()).isEqualTo("/api/me");
        assertThat(problem.type()).isEqualTo("https://kundenpuls.de/problems/not-one-of");
        assertThat(problem.field()).isEqualTo("locale");
        assertThat(problem.detail()).isEqualTo("must be one of de, en");

        Problem missing = send(get("/api/stores/paris/touchpoints").header("Accept-Language", "de"), 404);
        assertThat(missing.instance()).isEqualTo("/api/stores/paris/touchpoints");
        assertThat(missing.type()).isEqualTo("https://kundenpuls.de/problems/no-store");
        assertThat(missing.title()).isEqualTo("Nicht gefunden");
        assertThat(missing.detail()).isEqualTo("Kein Markt mit der ID 'paris'");
    }

    @Test
    void aWrongJsonTypeIsWordedAsJsonNotAsJava() throws Exception {
        String token = SERVER.identity("shopper", null).token();
        String body = "{\"items\":[{\"id\":\"" + UUID.randomUUID() + "\",\"storeId\":\"berlin-mitte\",\"touchpoint\":\"checkout\","
                + "\"createdAt\":[2026],\"rating\":4}]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/api/feedback/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "de").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        BatchResult.ItemResult item = Json.mapper().readValue(response.body(), BatchResult.class).results().getFirst();
        assertThat(item.status()).isEqualTo(BatchResult.Status.REJECTED);
        assertThat(item.problem().field()).isEqualTo("items[0].createdAt");
        assertThat(item.problem().type()).isEqualTo("https://kundenpuls.de/problems/json-wrong-type");
        assertThat(item.problem().detail())
                .isEqualTo("hat einen falschen Wert; erwartet wird an ISO-8601 instant such as 2026-12-01T09:30:00Z")
                .doesNotContain("Instant", "java", "deserialize");

        Problem malformed = send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/api/feedback/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[}")), 400);
        assertThat(malformed.type()).isEqualTo("https://kundenpuls.de/problems/json-malformed");
        assertThat(malformed.detail()).isEqualTo("Malformed JSON at line 1, column 11");
    }

    @Test
    void aRequestWithoutSignInNamesTheHeaderAndItsType() throws Exception {
        Problem problem = send(get("/api/me").header("Accept-Language", "de"), 401);
        assertThat(problem.type()).isEqualTo("https://kundenpuls.de/problems/sign-in-required");
        assertThat(problem.title()).isEqualTo("Nicht angemeldet");
        assertThat(problem.field()).isEqualTo("Authorization");
    }
}
