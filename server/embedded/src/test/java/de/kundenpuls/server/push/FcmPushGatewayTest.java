package de.kundenpuls.server.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.firebase.FirebaseApp;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.server.google.FirebaseWiring;
import de.kundenpuls.embedded.GoogleStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Firebase Admin SDK over real HTTP against the local FCM v1 stand-in. */
class FcmPushGatewayTest {

    private GoogleStandIn standIn;
    private FirebaseApp app;
    private FcmPushGateway gateway;

    @BeforeEach
    void start() {
        standIn = GoogleStandIn.start(0, Map::of);
        app = FirebaseWiring.standIn("kundenpuls-test", standIn.url(), standIn.url());
        gateway = new FcmPushGateway(app, 4, 5, 5, 600_000, 240);
    }

    @AfterEach
    void stop() {
        gateway.close();
        FirebaseWiring.delete(app);
        standIn.close();
    }

    private static List<PushMessage> messages(int n, String prefix) {
        List<PushMessage> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new PushMessage(prefix + i, "Hallo", "Nachricht " + i, Map.of("campaignId", "c1")));
        }
        return list;
    }

    @Test
    void sixHundredMessagesGoOutInChunksAndEachIsDelivered() {
        List<PushOutcome> outcomes = gateway.send(messages(600, "tok-"));
        assertThat(outcomes).hasSize(600).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(PushOutcome.Kind.SENT);
            assertThat(o.messageId()).startsWith("projects/kundenpuls-test/messages/");
        });
        assertThat(outcomes.get(599).token()).isEqualTo("tok-599");
        assertThat(standIn.delivered()).hasSize(600);
        assertThat(standIn.deliveredTo("tok-17")).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Hallo");
            assertThat(d.body()).isEqualTo("Nachricht 17");
            assertThat(d.data()).containsEntry("campaignId", "c1");
        });
    }

    @Test
    void unregisteredTokensAreReportedAsSuch() {
        standIn.unregister("tok-1");
        List<PushOutcome> outcomes = gateway.send(messages(3, "tok-"));
        assertThat(outcomes).extracting(PushOutcome::kind)
                .containsExactly(PushOutcome.Kind.SENT, PushOutcome.Kind.UNREGISTERED, PushOutcome.Kind.SENT);
        assertThat(standIn.deliveredTo("tok-1")).isEmpty();
    }

    @Test
    void quotaErrorsAndBrokenConnectionsAreRetriedUntilDelivered() {
        standIn.failNext(429, 3);
        standIn.failNext(0, 2);
        List<PushOutcome> outcomes = gateway.send(messages(5, "retry-"));
        assertThat(outcomes).extracting(PushOutcome::kind).containsOnly(PushOutcome.Kind.SENT);
        assertThat(standIn.delivered()).hasSize(5);
        assertThat(standIn.requestCount()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aPermanentQuotaProblemEndsAsFailedAfterTheLastAttempt() {
        standIn.failNext(429, 1000);
        List<PushOutcome> outcomes = gateway.send(messages(2, "doomed-"));
        assertThat(outcomes).extracting(PushOutcome::kind).containsOnly(PushOutcome.Kind.FAILED);
        assertThat(outcomes.get(0).detail()).contains("QUOTA_EXCEEDED");
        assertThat(standIn.requestCount()).isEqualTo(10);
    }

    @Test
    void aDeviceGetsNoMoreThanItsRate() {
        try (FcmPushGateway strict = new FcmPushGateway(app, 1, 3, 5, 600_000, 2)) {
            List<PushMessage> same = List.of(new PushMessage("one", "a", "1", Map.of()), new PushMessage("one", "a", "2", Map.of()),
                    new PushMessage("one", "a", "3", Map.of()));
            assertThat(strict.send(same)).extracting(PushOutcome::kind)
                    .containsExactly(PushOutcome.Kind.SENT, PushOutcome.Kind.SENT, PushOutcome.Kind.RATE_LIMITED);
        }
    }

    @Test
    void anOversizedPayloadIsRejectedWhenComposed() {
        assertThatThrownBy(() -> new PushMessage("tok", "Titel", "x".repeat(4090), Map.of("offer", "ABC")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("4096");
        assertThat(new PushMessage("tok", "", "x".repeat(4096), Map.of()).body()).hasSize(4096);
    }
}
