package de.kundenpuls.model.analytics;

/**
 * A one-time ticket that opens the live event stream (EventSource cannot send a bearer token).
 *
 * @param ticket           the ticket, passed as {@code ?ticket=}
 * @param expiresInSeconds how long it can be used
 */
public record StreamTicket(String ticket, long expiresInSeconds) {
}
