package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers and scores as CSV and XLSX, read back: the columns, formula-like comments kept as text,
 * staff limited to their store, and nothing of an erased customer's comments.
 */
class ExportTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("catalog.seed-demo", "true"));

    private static FeedbackItem answer(Instant at, int rating, String comment) {
        return new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", at, rating, rating * 2, 3,
                Map.of("quality", rating), comment, null, null, null, null, null);
    }

    private static byte[] download(KundenpulsClient client, String path, int status, String contentType) {
        HttpResponse<byte[]> response = client.exchange("GET", path, null, null);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        if (contentType != null) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(contentType));
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        }
        return response.body();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text.substring(1)))
                .getRecords();
    }

    @Test
    void answersComeOutAsCsvAndXlsxWithFormulasKeptAsText() throws Exception {
        Instant now = Instant.now();
        server.staff("berlin-mitte").feedback().send(List.of(answer(now.minusSeconds(60), 1, "=HYPERLINK(\"http://x.example\",\"klick\")"),
                answer(now.minusSeconds(50), 5, "Schön übersichtlich"), answer(now.minusSeconds(40), 3, null)));
        KundenpulsClient marketer = server.as("marketer");

        List<CSVRecord> rows = csv(download(marketer, "/api/feedback/answers/export?storeId=berlin-mitte&format=csv", 200, "text/csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getParser().getHeaderNames()).startsWith("id", "createdAt", "storeId", "touchpoint", "rating", "nps", "ces",
                "quality").endsWith("comment", "gtin", "product", "category");
        assertThat(rows).extracting(r -> r.get("rating")).containsExactly("3", "5", "1");
        assertThat(rows.get(1).get("comment")).isEqualTo("Schön übersichtlich");
        assertThat(rows.get(2).get("comment")).isEqualTo("'=HYPERLINK(\"http://x.example\",\"klick\")");
        assertThat(rows.get(2).get("quality")).isEqualTo("1");

        byte[] xlsx = download(marketer, "/api/feedback/answers/export?storeId=berlin-mitte&format=xlsx", 200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            assertThat(sheet).hasSize(4);
            assertThat(sheet.get(0).getCellText(0)).isEqualTo("id");
            int comment = rows.get(0).getParser().getHeaderNames().indexOf("comment");
            assertThat(sheet.get(3).getCellText(comment)).isEqualTo("'=HYPERLINK(\"http://x.example\",\"klick\")");
            assertThat(sheet.get(3).getCellAsNumber(4)).hasValueSatisfying(v -> assertThat(v.intValue()).isEqualTo(1));
        }

        List<CSVRecord> scores = csv(download(marketer, "/api/analytics/scores/export?storeId=berlin-mitte&granularity=week", 200,
                "text/csv"));
        assertThat(scores.getLast().get("period")).startsWith("total ");
        assertThat(scores.getLast().get("answers")).isEqualTo("3");
        assertThat(Double.parseDouble(scores.getLast().get("csat"))).isCloseTo(33.3, org.assertj.core.data.Offset.offset(0.1));
        download(marketer, "/api/feedback/answers/export?format=pdf", 400, null);
    }

    @Test
    void staffExportTheirOwnStoreAndErasedCommentsStayOut() throws Exception {
        Instant now = Instant.now();
        server.staff("berlin-mitte").feedback().send(List.of(answer(now.minusSeconds(60), 4, "Von der Kasse")));
        KundenpulsClient shopper = server.as("shopper");
        shopper.feedback().send(List.of(answer(now.minusSeconds(30), 2, "Bitte rufen Sie mich an: eva@example.org")));
        shopper.me().delete();

        KundenpulsClient otherStaff = server.staff("hamburg-altona");
        download(otherStaff, "/api/feedback/answers/export?storeId=berlin-mitte", 403, null);
        assertThat(csv(download(otherStaff, "/api/feedback/answers/export", 200, "text/csv"))).isEmpty();

        byte[] own = download(server.staff("berlin-mitte"), "/api/feedback/answers/export", 200, "text/csv");
        List<CSVRecord> rows = csv(own);
        assertThat(rows).extracting(r -> r.get("comment")).containsExactly("", "Von der Kasse");
        assertThat(new String(own, StandardCharsets.UTF_8)).doesNotContain("eva@example.org", "rufen Sie mich an");
    }
}
