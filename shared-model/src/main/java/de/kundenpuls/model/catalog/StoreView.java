package de.kundenpuls.model.catalog;

/**
 * A store.
 *
 * @param id       stable id, e.g. {@code berlin-mitte}
 * @param name     display name
 * @param city     city
 * @param timeZone IANA time zone, e.g. {@code Europe/Berlin} (quiet hours, daily scores)
 */
public record StoreView(String id, String name, String city, String timeZone) {
}
