package de.kundenpuls.server.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import de.kundenpuls.model.Problem;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shopper's profile over real HTTP on a real data directory. */
class ProfileApiTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of());
    private KundenpulsClient shopper;

    @BeforeEach
    void start() {
        shopper = server.as("shopper");
    }

    @Test
    void profileIsCreatedOnFirstCallAndPatchedFieldByField() {
        Profile created = shopper.me().get();
        assertThat(created.contact().email()).isNull();
        assertThat(created.consents()).isEmpty();

        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "Eva Schmidt");
        contact.put("email", "eva@example.org");
        contact.put("postalCode", "10115");
        contact.put("country", "de");
        Profile patched = shopper.me().patch(Map.of("contact", contact, "locale", "en", "ageBand", "25-34"));
        assertThat(patched.contact().name()).isEqualTo("Eva Schmidt");
        assertThat(patched.contact().country()).isEqualTo("DE");
        assertThat(patched.locale()).isEqualTo("en");

        // A second patch keeps what it does not mention.
        Profile again = shopper.me().patch(Map.of("contact", Map.of("city", "Berlin")));
        assertThat(again.contact().name()).isEqualTo("Eva Schmidt");
        assertThat(again.contact().city()).isEqualTo("Berlin");
        assertThat(again.ageBand()).isEqualTo("25-34");
    }

    @Test
    void aWrongFieldIsNamedAndNothingOfThePatchIsStored() {
        shopper.me().patch(Map.of("contact", Map.of("name", "Eva")));
        assertThatThrownBy(() -> shopper.me().patch(Map.of("contact", Map.of("name", "Changed", "email", "not-an-email"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().field()).isEqualTo("contact.email");
                });
        assertThat(shopper.me().get().contact().name()).isEqualTo("Eva");

        assertProblem(() -> shopper.me().patch(Map.of("ageBand", "old")), 400, "ageBand");
        assertProblem(() -> shopper.me().patch(Map.of("locale", "fr")), 400, "locale");
        assertProblem(() -> shopper.me().patch(Map.of("uid", "someone-else")), 400, "uid");
        assertProblem(() -> shopper.me().patch(Map.of("contact", Map.of("country", "XX"))), 400, "contact.country");
        assertProblem(() -> shopper.me().consents(Map.of("newsletter", true)), 400, "newsletter");
    }

    @Test
    void consentsShowWhenTheyWereGranted() {
        Profile p = shopper.me().consents(Map.of("personalization", true, "marketing_push", false, "contact", true));
        assertThat(p.consents().get("personalization").granted()).isTrue();
        assertThat(p.consents().get("marketing_push").granted()).isFalse();
        assertThat(p.consents().get("contact").at()).isNotNull();
        var grantedAt = p.consents().get("personalization").at();
        Profile withdrawn = shopper.me().consents(Map.of("personalization", false));
        assertThat(withdrawn.consents().get("personalization").granted()).isFalse();
        assertThat(withdrawn.consents().get("personalization").at()).isAfterOrEqualTo(grantedAt);
        assertThat(withdrawn.consents().get("contact").granted()).isTrue();
    }

    @Test
    void everythingSurvivesARestart() {
        shopper.me().patch(Map.of("contact", Map.of("email", "kim@example.org")));
        shopper.me().consents(Map.of("contact", true));
        shopper.me().registerDevice("fcm-token-1", "android", "de");
        server.restart();
        KundenpulsClient again = server.client().withToken(shopper.token().orElseThrow());
        Profile p = again.me().get();
        assertThat(p.contact().email()).isEqualTo("kim@example.org");
        assertThat(p.consents()).containsOnlyKeys("contact");
        assertThat(p.devices()).hasSize(1);
        assertThat(p.devices().get(0).token()).isEqualTo("fcm-token-1");
    }

    @Test
    void badRequestsGetProblemJson() {
        HttpResponse<byte[]> wrongType = shopper.exchange("PATCH", "/api/me", "name=x".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<byte[]> malformed = shopper.exchange("PATCH", "/api/me", "{\"contact\": {".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(problem(malformed).detail()).contains("Malformed JSON");

        // The server answers 413 from the declared length and closes; a client still streaming 2 MB
        // may then see a reset instead of the answer, so this speaks HTTP on a plain socket.
        String tooLarge = rawRequest("PATCH /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + shopper.token().orElseThrow() + "\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"field\":\"body\"");

        HttpResponse<byte[]> unknown = shopper.exchange("GET", "/api/nothing-here", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void signInIsRequiredAndOnlyShoppersHaveAProfile() {
        assertProblem(() -> server.client().me().get(), 401, "Authorization");
        assertProblem(() -> server.client().withToken("not-a-jwt").me().get(), 401, "Authorization");
        String forged = shopper.token().orElseThrow();
        String tampered = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertProblem(() -> server.client().withToken(tampered).me().get(), 401, "Authorization");
        assertProblem(() -> server.as("marketer").me().get(), 403, null);
    }

    private String rawRequest(String head) {
        java.net.URI uri = java.net.URI.create(server.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // Whatever arrived is the answer.
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Problem problem(HttpResponse<byte[]> response) {
        try {
            return KundenpulsClient.mapper().readValue(response.body(), Problem.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a problem body: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    private static void assertProblem(Runnable call, int status, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.problem().field()).isEqualTo(field);
            assertThat(e.problem().detail()).isNotBlank();
        });
    }
}
