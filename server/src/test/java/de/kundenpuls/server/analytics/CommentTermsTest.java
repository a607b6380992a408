package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How comments become terms: inflections and compounds fall together, negations are phrases. */
class CommentTermsTest {

    @Test
    void parkingInEveryGermanFormCountsAsOneTerm() {
        for (String comment : List.of("Kein Parkplatz frei", "Die Parkplätze waren alle belegt", "Parken ist eine Katastrophe",
                "Das Parkhaus war voll", "Zu wenige Parkplätze")) {
            CommentTerms.Analysed a = CommentTerms.analyse(comment);
            assertThat(a.language()).as(comment).isEqualTo("de");
            assertThat(a.terms()).as(comment).containsKey("park");
        }
        assertThat(CommentTerms.analyse("Keinen Parkplatz gefunden").terms()).as("what is missing is still the topic")
                .containsKey("park").containsKey("kein parkplatz");
    }

    @Test
    void aNegatedWordIsNeverPraise() {
        assertThat(CommentTerms.analyse("Die Kassiererin war nicht freundlich").terms())
                .containsKey("nicht freundlich").doesNotContainKey("freundlich");
        assertThat(CommentTerms.analyse("Die Beratung war nie freundlich").terms()).doesNotContainKey("freundlich");
        assertThat(CommentTerms.analyse("Sehr freundliche Beratung").terms()).containsKey("freundlich")
                .containsEntry("beratung", "Beratung");
        assertThat(CommentTerms.analyse("The staff were not friendly at all").terms())
                .containsKey("not friendli").doesNotContainKey("friendli");
    }

    @Test
    void englishIsStemmedAndPhrasesCount() {
        CommentTerms.Analysed a = CommentTerms.analyse("Long queues at the checkout, the queue was endless");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.terms()).containsKey("queue").containsKey("long queue").containsEntry("checkout", "checkout");
    }
}
