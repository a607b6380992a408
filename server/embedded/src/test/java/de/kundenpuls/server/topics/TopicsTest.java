package de.kundenpuls.server.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.analytics.TopicReport;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What comments are about, over HTTP: a detractor topic planted in many inflected forms and a
 * promoter topic come out on top, in German and in English; a topic of an earlier period does not
 * appear; a negated word is no praise; an erased customer's comments leave the counts.
 */
class TopicsTest {

    private static final String STORE = "muenchen-schwabing";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final List<String> PARKING_DE = List.of("Kein Parkplatz frei.", "Die Parkplätze waren alle belegt.",
            "Parken ist hier unmöglich.", "Das Parkhaus war überfüllt.", "Keinen Parkplatz gefunden, sehr ärgerlich.",
            "Wieder keine Parkplätze.");
    private static final List<String> FRIENDLY_DE = List.of("Sehr freundlich bedient.", "Die freundliche Kassiererin hat geholfen.",
            "Freundlicher Empfang am Eingang.", "Alle waren so freundlich heute.", "Eine freundliche Mitarbeiterin.");
    private static final List<String> PARKING_EN = List.of("There was no parking space.", "The car park was full again.",
            "Parking was a nightmare.", "Could not find parking anywhere.");
    private static final List<String> FRIENDLY_EN = List.of("Friendly staff, thank you.", "Such a friendly cashier.",
            "Everyone was friendly and quick.", "Friendly welcome at the door.");
    /** Said by both sides, so no side's topic. */
    private static final List<String> SHARED = List.of("Heute im Markt eingekauft.", "Einkauf am Samstag.");

    @TempDir
    Path dir;

    @Test
    void plantedTopicsComeOutOnTopInBothLanguagesAndErasedCommentsLeave() {
        Map<String, String> settings = new HashMap<>(TestServer.BULK_CAPTURE);
        settings.put("feedback.min-interval-ms", "0");
        try (TestServer server = TestServer.start(dir, settings)) {
            KundenpulsClient kiosk = server.kiosk(STORE, "entrance");
            LocalDate today = LocalDate.now(ZONE);
            Instant start = today.minusDays(6).atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(9));
            List<FeedbackItem> items = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Instant at = start.plus(Duration.ofMinutes(7L * i));
                items.add(answer(at, 1, PARKING_DE.get(i % PARKING_DE.size())));
                items.add(answer(at.plusSeconds(60), 5, FRIENDLY_DE.get(i % FRIENDLY_DE.size())));
                items.add(answer(at.plusSeconds(120), i % 2 == 0 ? 1 : 5, SHARED.get(i / 2 % SHARED.size())));
                if (i < 24) {
                    items.add(answer(at.plusSeconds(180), 1, PARKING_EN.get(i % PARKING_EN.size())));
                    items.add(answer(at.plusSeconds(240), 5, FRIENDLY_EN.get(i % FRIENDLY_EN.size())));
                }
                if (i < 10) {
                    items.add(answer(at.plusSeconds(300), 1, "Die Kassiererin war nicht freundlich."));
                }
            }
            // An earlier period's complaint about the toilets: not in this week.
            Instant earlier = today.minusDays(20).atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(10));
            for (int i = 0; i < 20; i++) {
                items.add(answer(earlier.plus(Duration.ofMinutes(5L * i)), 1, "Die Toiletten waren schmutzig."));
            }
            for (int from = 0; from < items.size(); from += 100) {
                kiosk.feedback().send(items.subList(from, Math.min(items.size(), from + 100)));
            }
            KundenpulsClient marketer = server.as("marketer");
            String week = "storeId=" + STORE + "&from=" + today.minusDays(6) + "&to=" + today;

            TopicReport de = topics(marketer, week + "&lang=de");
            assertThat(de.count()).isEqualTo(60 + 60 + 60 + 10);
            assertThat(de.painPoints()).first().satisfies(t -> {
                assertThat(t.term()).isEqualTo("park");
                assertThat(t.label()).startsWith("Park");
                assertThat(t.count()).as("every inflected form").isEqualTo(60);
                assertThat(t.score()).isGreaterThan(1.96);
                assertThat(t.examples()).hasSize(3).allSatisfy(e -> assertThat(PARKING_DE).contains(e.text()));
            });
            assertThat(de.delights()).first().satisfies(t -> {
                assertThat(t.term()).isEqualTo("freundlich");
                assertThat(t.count()).as("the negated ones are not counted").isEqualTo(60);
                assertThat(t.score()).isLessThan(-1.96);
                assertThat(t.examples()).isNotEmpty().allSatisfy(e -> assertThat(e.rating()).isEqualTo(5));
            });
            assertThat(de.painPoints()).extracting(TopicReport.Topic::term).noneMatch(t -> t.startsWith("toilett"))
                    .as("what both sides say is no side's topic").noneMatch(t -> t.contains("markt") || t.contains("einkauf"));
            assertThat(de.delights()).extracting(TopicReport.Topic::term).noneMatch(t -> t.contains("markt") || t.contains("einkauf"));

            TopicReport en = topics(marketer, week + "&lang=en");
            assertThat(en.count()).isEqualTo(48);
            assertThat(en.painPoints()).first().satisfies(t -> assertThat(t.term()).isEqualTo("park"));
            assertThat(en.delights()).first().satisfies(t -> assertThat(t.term()).isEqualTo("friendli"));

            // The toilets were the topic three weeks ago, and the comparison with then says so.
            TopicReport then = topics(marketer, "storeId=" + STORE + "&from=" + today.minusDays(27) + "&to=" + today.minusDays(14)
                    + "&lang=de");
            assertThat(then.count()).isEqualTo(20);

            // Bad input names its field.
            ApiException bad = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                    () -> topics(marketer, week + "&lang=fr"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.problem().field()).isEqualTo("lang");

            // An erased customer's comments leave the counts.
            KundenpulsClient shopper = server.as("shopper");
            shopper.feedback().send(List.of(answer(start.plusSeconds(30), 1, "Die Musik war viel zu laut."),
                    answer(start.plusSeconds(90), 1, "Schon wieder zu laute Musik.")));
            assertThat(topics(marketer, week + "&lang=de").count()).isEqualTo(de.count() + 2);
            shopper.me().delete();
            assertThat(topics(marketer, week + "&lang=de").count()).isEqualTo(de.count());
            // and a restart keeps the counts.
            server.restart();
            assertThat(topics(server.as("marketer"), week + "&lang=de").painPoints()).first()
                    .satisfies(t -> assertThat(t.count()).isEqualTo(60));
        }
    }

    private static TopicReport topics(KundenpulsClient client, String query) {
        return client.get("/api/analytics/topics?" + query, TopicReport.class);
    }

    private static FeedbackItem answer(Instant at, int rating, String comment) {
        return new FeedbackItem(UUID.randomUUID(), STORE, "entrance", at, rating, null, null, Map.of(), comment, null, null, null,
                null, null);
    }
}
