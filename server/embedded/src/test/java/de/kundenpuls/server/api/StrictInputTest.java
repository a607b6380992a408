package de.kundenpuls.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.analytics.ScoreReport;
import de.kundenpuls.model.catalog.ImportReport;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input is taken as sent or refused with the field named: no number coerced, no content after the
 * JSON, no control characters or text-direction overrides in text that staff read, no number
 * without bound. Nothing of a refused item is stored.
 */
class StrictInputTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("feedback.min-interval-ms", "0"));
    private KundenpulsClient app;

    @BeforeEach
    void start() {
        app = server.as("shopper");
    }

    private String item(String field, String rawValue) {
        return "{\"items\":[{\"id\":\"" + UUID.randomUUID() + "\",\"storeId\":\"berlin-mitte\",\"touchpoint\":\"checkout\","
                + "\"createdAt\":\"" + Instant.now().minusSeconds(30) + "\",\"rating\":4,\"" + field + "\":" + rawValue + "}]}";
    }

    private BatchResult.ItemResult send(String body) {
        return app.sendBytes("POST", "/api/feedback/batch", body.getBytes(StandardCharsets.UTF_8), "application/json",
                BatchResult.class).results().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.5", "\"3\"", "true", "1e2"})
    void aRatingThatIsNotAnIntegerIsRefusedNotConverted(String rating) {
        String body = item("nps", "7").replace("\"rating\":4", "\"rating\":" + rating);
        BatchResult.ItemResult result = send(body);
        assertThat(result.status()).isEqualTo(BatchResult.Status.REJECTED);
        assertThat(result.problem().field()).isEqualTo("items[0].rating");
        assertNothingStored();
    }

    @Test
    void contentAfterTheJsonBodyIsRefused() {
        var response = app.exchange("POST", "/api/feedback/batch", (item("nps", "7") + " {\"items\":[]}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u001b[31m", "\\u202e", "\\ud800", "\\u0085", "\\u2066"})
    void aCommentWithControlOrDirectionCharactersIsRefused(String escaped) {
        BatchResult.ItemResult result = send(item("comment", "\"Kasse " + escaped + " zu\""));
        assertThat(result.status()).isEqualTo(BatchResult.Status.REJECTED);
        assertThat(result.problem().field()).isEqualTo("items[0].comment");
        assertThat(result.problem().detail()).contains("control characters");
        assertNothingStored();
    }

    @Test
    void lineBreaksAndEmojiInACommentAreKept() {
        BatchResult.ItemResult result = send(item("comment", "\"Erste Zeile\\nZweite \\ud83d\\ude00\""));
        assertThat(result.status()).isEqualTo(BatchResult.Status.ACCEPTED);
        ScoreReport report = server.as("marketer").get("/api/analytics/scores?storeId=berlin-mitte", ScoreReport.class);
        assertThat(report.comments()).extracting(ScoreReport.Comment::text).containsExactly("Erste Zeile\nZweite \uD83D\uDE00");
    }

    @Test
    void aNumberWithTooManyDigitsIsRefused() {
        var response = app.exchange("POST", "/api/feedback/batch", item("nps", "1" + "0".repeat(30))
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("json-number-too-long").contains("more than 24 characters");
        assertNothingStored();
    }

    @Test
    void anImportedPriceOutOfBoundsIsARejectedRow() {
        String csv = """
                gtin,name_de,name_en,brand,category,price,currency,description_de,description_en,attributes,stock
                4012345000016,Hafermilch,Oat milk,Oatly,dairy,1e400,EUR,,,,
                4012345000023,Mehl,Flour,Bauckhof,bakery,2000000,EUR,,,,
                """;
        ImportReport report = server.as("admin").catalog().importCsv(csv);
        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::field).containsExactly("price", "price");
        assertThat(report.rejected().get(0).reason()).contains("at most");
    }

    private void assertNothingStored() {
        ScoreReport report = server.as("marketer").get("/api/analytics/scores?storeId=berlin-mitte", ScoreReport.class);
        assertThat(report.count()).as("answers stored").isZero();
    }
}
