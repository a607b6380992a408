package de.kundenpuls.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import de.kundenpuls.model.cases.CaseView;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a detractor's answer to the customer reading the store's reply, over real HTTP. */
class CaseLifecycleTest {

    private static final TypeReference<Map<String, List<CaseView>>> LIST = new TypeReference<>() { };

    @TempDir
    Path dir;

    @Test
    void detractorWithCommentAndContactConsentGetsAnAnswerInTheApp() {
        try (TestServer server = TestServer.start(dir)) {
            KundenpulsClient customer = server.as("shopper");
            customer.me().consents(Map.of("contact", true));
            customer.feedback().send(List.of(item(1, "Die Kasse war 20 Minuten lang nicht besetzt")));

            // Without contact consent, or without a comment, nobody is contacted.
            KundenpulsClient quiet = server.as("shopper");
            quiet.me().consents(Map.of("contact", false));
            quiet.feedback().send(List.of(item(1, "Schlimm")));
            customer.feedback().send(List.of(item(2, null)));

            KundenpulsClient staff = server.staff("berlin-mitte");
            List<CaseView> open = staff.get("/api/cases", LIST).get("items");
            assertThat(open).hasSize(1);
            CaseView c = open.get(0);
            assertThat(c.state()).isEqualTo("open");
            assertThat(c.comment()).contains("20 Minuten");
            assertThat(c.dueAt()).isAfter(c.openedAt().plusSeconds(47 * 3600));
            assertThat(c.overdue()).isFalse();

            // Staff of another store can neither see nor answer it.
            KundenpulsClient other = server.staff("hamburg-altona");
            assertThat(other.get("/api/cases", LIST).get("items")).isEmpty();
            assertThatThrownBy(() -> other.send("POST", "/api/cases/" + c.id() + "/replies", Map.of("text", "x"), CaseView.class))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));

            staff.send("POST", "/api/cases/" + c.id() + "/take", null, CaseView.class);
            CaseView answered = staff.send("POST", "/api/cases/" + c.id() + "/replies",
                    Map.of("text", "Das tut uns leid! Ab sofort ist die zweite Kasse ab 17 Uhr besetzt."), CaseView.class);
            assertThat(answered.state()).isEqualTo("answered");
            assertThat(answered.assignee()).isNotNull();

            List<CaseView> inbox = customer.get("/api/me/inbox", LIST).get("items");
            assertThat(inbox).hasSize(1);
            assertThat(inbox.get(0).messages()).extracting(CaseView.Message::author).containsExactly("staff");
            assertThat(inbox.get(0).messages().get(0).text()).contains("zweite Kasse");

            CaseView back = customer.send("POST", "/api/me/inbox/" + c.id() + "/replies", Map.of("text", "Danke, bis bald!"),
                    CaseView.class);
            assertThat(back.state()).isEqualTo("open");
            assertThat(quiet.get("/api/me/inbox", LIST).get("items")).isEmpty();
            assertThatThrownBy(() -> quiet.send("POST", "/api/me/inbox/" + c.id() + "/replies", Map.of("text", "x"),
                    CaseView.class)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));

            server.restart();
            KundenpulsClient staffAgain = server.staff("berlin-mitte");
            CaseView thread = staffAgain.get("/api/cases/" + c.id(), CaseView.class);
            assertThat(thread.messages()).extracting(CaseView.Message::author).containsExactly("staff", "customer");
            CaseView closed = staffAgain.send("POST", "/api/cases/" + c.id() + "/close", null, CaseView.class);
            assertThat(closed.state()).isEqualTo("closed");
            assertThat(staffAgain.get("/api/cases", LIST).get("items")).isEmpty();
            assertThat(staffAgain.get("/api/cases?state=closed", LIST).get("items")).hasSize(1);
            assertThatThrownBy(() -> staffAgain.send("POST", "/api/cases/" + c.id() + "/replies", Map.of("text", "late"),
                    CaseView.class)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
            assertThatThrownBy(() -> staffAgain.send("POST", "/api/cases/" + c.id() + "/replies", Map.of("text", " "),
                    CaseView.class)).isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.problem().field()).isEqualTo("text");
                    });
        }
    }

    private static FeedbackItem item(int rating, String comment) {
        return new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout", Instant.now().minusSeconds(10), rating, null,
                null, Map.of(), comment, null, null, null, null, null);
    }
}
