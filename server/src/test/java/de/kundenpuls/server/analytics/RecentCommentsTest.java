package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A cell's comments come back from their stored bytes as they went in, in order, and a visit can stop early. */
class RecentCommentsTest {

    @Test
    void commentsRoundTripWithEveryFieldAndStopWhenTheVisitorDeclines() {
        List<Rollups.RecentComment> comments = List.of(
                new Rollups.RecentComment(UUID.randomUUID(), Instant.parse("2026-12-02T10:15:30.123456789Z"),
                        "Kasse zu langsam – ärgerlich 😠", "checkout", 1, 0),
                new Rollups.RecentComment(UUID.randomUUID(), Instant.parse("2026-12-01T08:00:00Z"), "x".repeat(70_000),
                        "entrance", null, null),
                new Rollups.RecentComment(UUID.randomUUID(), Instant.parse("2026-11-30T08:00:00Z"), "ok", "service", 5, 10));
        List<Rollups.RecentComment> back = RecentComments.decode(RecentComments.encode(comments));
        assertThat(back).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Rollups.RecentComment a = comments.get(i);
            Rollups.RecentComment b = back.get(i);
            assertThat(List.of(b.feedbackId(), b.at(), b.text(), b.touchpoint()))
                    .containsExactly(a.feedbackId(), a.at(), a.text(), a.touchpoint());
            assertThat(b.rating()).isEqualTo(a.rating());
            assertThat(b.nps()).isEqualTo(a.nps());
        }
        List<String> visited = new ArrayList<>();
        RecentComments.visit(RecentComments.encode(comments), c -> {
            visited.add(c.touchpoint());
            return visited.size() < 2;
        });
        assertThat(visited).containsExactly("checkout", "entrance");
        assertThat(RecentComments.decode(RecentComments.encode(List.of()))).isEmpty();
    }
}
