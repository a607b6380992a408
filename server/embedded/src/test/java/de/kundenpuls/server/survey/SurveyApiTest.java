package de.kundenpuls.server.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.SurveyView;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versioned surveys, the most specific active one, and answers checked against their version. */
class SurveyApiTest {

    @TempDir
    Path dir;

    private static String survey(String name, String targeting, String extraQuestion) {
        return """
                {"name":"%s","allowPartial":false,
                 "targeting":%s,
                 "questions":[
                   {"id":"mood","type":"smiley","text":{"de":"Wie war Ihr Einkauf?","en":"How was your visit?"},"required":true},
                   {"id":"why","type":"multiple","text":{"de":"Was hat gestört?","en":"What went wrong?"},
                    "options":[{"id":"queue","text":{"de":"Warteschlange","en":"Queue"}},{"id":"stock","text":{"de":"Ware fehlte","en":"Out of stock"}}],
                    "showIf":{"question":"mood","anyOf":["1","2"]}}%s
                 ]}""".formatted(name, targeting, extraQuestion);
    }

    @Test
    void surveysAreVersionedTargetedAndEnforceTheirSkipLogic() {
        try (TestServer server = TestServer.start(dir)) {
            KundenpulsClient marketer = server.as("marketer");
            KundenpulsClient app = server.client();
            HttpResponse<byte[]> none = app.exchange("GET", "/api/surveys/active?storeId=berlin-mitte&touchpoint=checkout", null, null);
            assertThat(none.statusCode()).isEqualTo(204);

            SurveyView general = post(marketer, survey("Allgemein", "{}", ""));
            SurveyView checkout = post(marketer, survey("Kasse Berlin",
                    "{\"storeIds\":[\"berlin-mitte\"],\"touchpoints\":[\"checkout\"]}", ""));
            assertThat(checkout.version()).isEqualTo(1);
            assertThat(app.get("/api/surveys/active?storeId=berlin-mitte&touchpoint=checkout", SurveyView.class).id())
                    .isEqualTo(checkout.id());
            assertThat(app.get("/api/surveys/active?storeId=hamburg-altona&touchpoint=checkout", SurveyView.class).id())
                    .isEqualTo(general.id());

            // An edit makes version 2; answers to version 1 stay valid against version 1.
            SurveyView v2 = marketer.sendBytes("PUT", "/api/surveys/" + checkout.id(), survey("Kasse Berlin",
                    "{\"storeIds\":[\"berlin-mitte\"],\"touchpoints\":[\"checkout\"]}",
                    ",{\"id\":\"nps\",\"type\":\"nps\",\"text\":{\"de\":\"Weiterempfehlen?\"}}").getBytes(StandardCharsets.UTF_8),
                    "application/json", SurveyView.class);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(app.get("/api/surveys/" + checkout.id() + "/versions/1", SurveyView.class).definition().questions())
                    .hasSize(2);

            JsonNodeFactory f = JsonNodeFactory.instance;
            BatchResult result = server.staff("berlin-mitte").feedback().send(List.of(
                    answer(checkout.id(), 1, Map.of("mood", f.numberNode(1), "why", f.arrayNode().add("queue"))),
                    answer(checkout.id(), 2, Map.of("mood", f.numberNode(5), "nps", f.numberNode(10))),
                    answer(checkout.id(), 1, Map.of("mood", f.numberNode(5), "why", f.arrayNode().add("stock"))),
                    answer(checkout.id(), 1, Map.of("mood", f.numberNode(7))),
                    answer(checkout.id(), 1, Map.of("why", f.arrayNode().add("queue"))),
                    answer(checkout.id(), 1, Map.of("mood", f.numberNode(5), "nps", f.numberNode(10))),
                    answer(checkout.id(), 9, Map.of("mood", f.numberNode(5)))));
            assertThat(result.results()).extracting(BatchResult.ItemResult::status).containsExactly(
                    BatchResult.Status.ACCEPTED, BatchResult.Status.ACCEPTED, BatchResult.Status.REJECTED,
                    BatchResult.Status.REJECTED, BatchResult.Status.REJECTED, BatchResult.Status.REJECTED,
                    BatchResult.Status.REJECTED);
            assertThat(result.results().subList(2, 7)).extracting(r -> r.problem().field()).containsExactly(
                    "items[2].answers.why", "items[3].answers.mood", "items[4].answers.mood", "items[5].answers.nps",
                    "items[6].surveyVersion");

            assertThatThrownBy(() -> post(marketer, survey("Falsch", "{\"touchpoints\":[\"garden\"]}", "")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().field()).isEqualTo("targeting.touchpoints[0]"));
            assertThatThrownBy(() -> post(marketer, survey("Falsch", "{}",
                    ",{\"id\":\"x\",\"type\":\"text\",\"text\":{\"de\":\"?\"},\"showIf\":{\"question\":\"later\",\"anyOf\":[\"1\"]}}")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().field()).isEqualTo("questions[2].showIf.question"));
            assertThatThrownBy(() -> post(server.as("shopper"), survey("Nope", "{}", "")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    private static SurveyView post(KundenpulsClient client, String json) {
        return client.sendBytes("POST", "/api/surveys", json.getBytes(StandardCharsets.UTF_8), "application/json", SurveyView.class);
    }

    private static FeedbackItem answer(String surveyId, int version, Map<String, JsonNode> answers) {
        return new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", Instant.now().minusSeconds(5), null, null, null,
                Map.of(), null, null, surveyId, version, answers, "till-" + UUID.randomUUID());
    }
}
