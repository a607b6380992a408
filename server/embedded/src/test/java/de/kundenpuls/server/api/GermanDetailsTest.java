package de.kundenpuls.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** German details for people, English for the API: chosen by the request's Accept-Language. */
class GermanDetailsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "is required | ist erforderlich",
        "is required with surveyId | ist zusammen mit surveyId erforderlich",
        "Unknown store 'x' | unbekannter Markt 'x'",
        "unknown category 'toys'; known are [dairy, bakery] | unbekannte Warengruppe 'toys'",
        "No profile with id 'dev-1' | Kein Kundenprofil mit der ID 'dev-1'",
        "no product with GTIN 4006381333931 | Kein Produkt mit der GTIN 4006381333931",
        "has a wrong check digit (expected 3) | hat eine falsche Prüfziffer (richtig wäre 3)",
        "must have 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits, had 5 characters | muss 8 (EAN-8), 12 (UPC-A) oder 13 (EAN-13) Ziffern haben, hat 5 Zeichen",
        "'4006381333932' has a wrong check digit (expected 1) | '4006381333932' hat eine falsche Prüfziffer (richtig wäre 1)",
        "quantity for berlin-mitte must not be negative | die Menge für berlin-mitte darf nicht negativ sein",
        "has 3 fields, the header has 5 | hat 3 Felder, die Kopfzeile hat 5",
        "must be between -1 and 1 | muss zwischen -1 und 1 liegen",
        "must not be after 'to' | darf nicht nach 'to' liegen",
        "must be 2–63 lower-case letters, digits or dashes | muss aus 2–63 Kleinbuchstaben, Ziffern oder Bindestrichen bestehen",
        "an offer is for either one product (gtin) or one category | ein Angebot gilt entweder für ein Produkt (GTIN) oder für eine Warengruppe",
        "The header row lacks the required column 'brand' | Der Kopfzeile fehlt die Pflichtspalte 'brand'",
        "This action is not open to the role 'shopper' | Diese Aktion ist für Kundinnen und Kunden nicht freigegeben",
        "This action is not open to the role 'kiosk' | Diese Aktion ist für Feedback-Kioske nicht freigegeben",
        "imported: 1, rejected rows: 2 | importiert: 1, abgelehnte Zeilen: 2",
        "something new the list does not know | something new the list does not know"
    })
    void detailsHaveTheirGermanWording(String english, String german) {
        assertThat(GermanDetails.of(english)).isEqualTo(german);
    }

    @Test
    void aGermanBrowserGetsGermanDetailsAndTheApiStaysEnglish() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of("catalog.seed-demo", "true"))) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(server.baseUrl() + "/api/products/4006381333932");
            HttpResponse<String> german = http.send(HttpRequest.newBuilder(uri).header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8")
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> english = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(german.statusCode()).isEqualTo(400);
            assertThat(german.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(german.body()).contains("\"field\":\"gtin\"").contains("hat eine falsche Prüfziffer (richtig wäre 1)");
            assertThat(english.body()).contains("\"field\":\"gtin\"").contains("has a wrong check digit (expected 1)");
        }
    }
}
