package de.kundenpuls.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one Accept-Language parser: weights count, regions fall back to the language, junk is nothing. */
class LanguagesTest {

    @Test
    void theHeadersPreferenceAmongOurLanguagesWins() {
        assertThat(Languages.fromHeader("de-DE,de;q=0.9,en;q=0.8")).hasValue("de");
        assertThat(Languages.fromHeader("en-GB")).hasValue("en");
        assertThat(Languages.fromHeader("en;q=0.3, de;q=0.7")).as("weights, not order").hasValue("de");
        assertThat(Languages.fromHeader("fr-FR, en;q=0.5")).hasValue("en");
        assertThat(Languages.fromHeader("fr, it")).isEmpty();
        assertThat(Languages.fromHeader(";;q=")).isEqualTo(Optional.empty());
    }
}
