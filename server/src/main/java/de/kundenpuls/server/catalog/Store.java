package de.kundenpuls.server.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A store as stored.
 *
 * @param id          stable id
 * @param name        display name
 * @param city        city
 * @param timeZone    IANA zone id
 * @param touchpoints ids of its touchpoints, in journey order
 */
public record Store(String id, String name, String city, String timeZone, List<String> touchpoints) {

    /** Copies the list. */
    public Store {
        touchpoints = Collections.unmodifiableList(new ArrayList<>(touchpoints));
    }
}
