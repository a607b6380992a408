package de.kundenpuls.server.contact;

import java.time.Instant;

/**
 * One contact with a customer.
 *
 * @param at   when
 * @param kind {@code survey}, {@code campaign} or {@code recovery}
 * @param ref  what: the survey, the campaign or the recovery offer's code; the same kind and ref
 *             within the window is one contact (a campaign reaching two phones, a survey shown twice)
 */
public record Contact(Instant at, String kind, String ref) {
}
