package de.kundenpuls.server.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;

/** Calendar days as the stores count them. */
final class StoreDays {

    private StoreDays() {
    }

    /**
     * Answers are dated in their store's time zone, so "today" is the latest date among the stores
     * asked about. In UTC it would still be yesterday between midnight and 1 am in Germany, and the
     * answers of the new day would be left out of the default range.
     *
     * @param clock the clock
     * @param zones the stores' IANA time zones
     * @return the latest of today's dates in those zones (UTC's when there are none)
     */
    static LocalDate today(Clock clock, Collection<String> zones) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (String zone : zones) {
            LocalDate there = LocalDate.now(clock.withZone(ZoneId.of(zone)));
            if (there.isAfter(today)) {
                today = there;
            }
        }
        return today;
    }
}
