package de.kundenpuls.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The default end of the score range. The live dashboard test failed at 23:02 UTC because the
 * end was the UTC date while the day's answers were dated the next day in Berlin.
 */
class StoreDaysTest {

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void halfAnHourAfterMidnightInBerlinItIsAlreadyTheNextDay() {
        assertThat(StoreDays.today(at("2026-11-24T23:30:00Z"), List.of("Europe/Berlin", "Europe/Vienna")))
                .isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void atNoonAllStoresAgreeWithUtc() {
        assertThat(StoreDays.today(at("2026-11-24T12:00:00Z"), List.of("Europe/Berlin", "America/New_York")))
                .isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void storesBehindUtcDoNotPullTheDayBack() {
        assertThat(StoreDays.today(at("2026-11-25T02:00:00Z"), List.of("America/Los_Angeles")))
                .isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void withoutStoresTheUtcDateCounts() {
        assertThat(StoreDays.today(at("2026-11-24T23:30:00Z"), List.of())).isEqualTo(LocalDate.of(2026, 11, 24));
    }
}
