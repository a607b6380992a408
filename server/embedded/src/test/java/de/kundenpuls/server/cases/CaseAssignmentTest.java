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
import de.kundenpuls.model.cases.Colleague;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assigning a case to a colleague of the store, over real HTTP: staff join their store's roster by
 * working its cases, and only they can be assigned.
 */
class CaseAssignmentTest {

    private static final TypeReference<Map<String, List<CaseView>>> CASES = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<Colleague>>> TEAM = new TypeReference<>() { };

    @TempDir
    Path dir;

    @Test
    void aCaseGoesToAColleagueOfTheStoreAndToNobodyElse() {
        try (TestServer server = TestServer.start(dir)) {
            KundenpulsClient customer = server.as("shopper");
            customer.me().consents(Map.of("contact", true));
            customer.feedback().send(List.of(new FeedbackItem(UUID.randomUUID(), "berlin-mitte", "checkout",
                    Instant.now().minusSeconds(10), 1, null, null, Map.of(), "Niemand an der Kasse", null, null, null, null, null)));

            KundenpulsClient lea = staff(server, "berlin-mitte", "Lea Schmidt");
            KundenpulsClient jonas = staff(server, "berlin-mitte", "Jonas Weber");
            KundenpulsClient hamburg = staff(server, "hamburg-altona", "Hanna Hamburg");
            // Opening the store's cases puts each of them on its roster; Hamburg's staff stay on Hamburg's.
            CaseView c = lea.get("/api/cases", CASES).get("items").getFirst();
            jonas.get("/api/cases", CASES);
            hamburg.get("/api/cases", CASES);
            List<Colleague> team = lea.get("/api/cases/colleagues", TEAM).get("items");
            assertThat(team).extracting(Colleague::name).containsExactly("Jonas Weber", "Lea Schmidt");
            String jonasUid = team.getFirst().uid();

            // Somebody who never worked Berlin's cases cannot be assigned; nothing changes.
            String hamburgUid = hamburg.get("/api/cases/colleagues", TEAM).get("items").getFirst().uid();
            assertThatThrownBy(() -> lea.send("POST", "/api/cases/" + c.id() + "/assign", Map.of("uid", hamburgUid), CaseView.class))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.problem().field()).isEqualTo("uid");
                        assertThat(e.problem().type()).endsWith("/not-a-colleague");
                    });
            assertThatThrownBy(() -> lea.send("POST", "/api/cases/" + c.id() + "/assign", Map.of(), CaseView.class))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().field()).isEqualTo("uid"));
            assertThatThrownBy(() -> hamburg.send("POST", "/api/cases/" + c.id() + "/assign", Map.of("uid", jonasUid), CaseView.class))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThat(lea.get("/api/cases/" + c.id(), CaseView.class).assignee()).isNull();

            CaseView assigned = lea.send("POST", "/api/cases/" + c.id() + "/assign", Map.of("uid", jonasUid), CaseView.class);
            assertThat(assigned.assignee()).isEqualTo(jonasUid);
            assertThat(assigned.assigneeName()).isEqualTo("Jonas Weber");
            assertThat(jonas.get("/api/cases", CASES).get("items")).singleElement()
                    .satisfies(x -> assertThat(x.assigneeName()).isEqualTo("Jonas Weber"));

            // An admin names the store; the roster and the assignment survive a restart.
            assertThatThrownBy(() -> server.as("admin").get("/api/cases/colleagues", TEAM))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().field()).isEqualTo("storeId"));
            server.restart();
            KundenpulsClient admin = server.as("admin");
            assertThat(admin.get("/api/cases/colleagues?storeId=berlin-mitte", TEAM).get("items")).extracting(Colleague::name)
                    .containsExactly("Jonas Weber", "Lea Schmidt");
            assertThat(admin.get("/api/cases/" + c.id(), CaseView.class).assigneeName()).isEqualTo("Jonas Weber");
            String leaUid = admin.get("/api/cases/colleagues?storeId=berlin-mitte", TEAM).get("items").get(1).uid();
            assertThat(admin.send("POST", "/api/cases/" + c.id() + "/assign", Map.of("uid", leaUid), CaseView.class).assigneeName())
                    .isEqualTo("Lea Schmidt");
            admin.send("POST", "/api/cases/" + c.id() + "/close", null, CaseView.class);
            assertThatThrownBy(() -> admin.send("POST", "/api/cases/" + c.id() + "/assign", Map.of("uid", jonasUid), CaseView.class))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        }
    }

    private static KundenpulsClient staff(TestServer server, String store, String name) {
        return server.client().withToken(server.client().dev().staff(store, name).token());
    }
}
