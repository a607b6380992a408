package de.kundenpuls.model.kiosk;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A feedback kiosk (a store tablet) as the console's fleet view shows it.
 *
 * @param id            kiosk id
 * @param storeId       the store it belongs to
 * @param touchpoint    where in the store it stands
 * @param label         what staff call it, e.g. "Kasse 2"
 * @param state         {@code pending} (code not used yet), {@code expired} (code unused and too old),
 *                      {@code enrolled} or {@code revoked}
 * @param createdAt     when it was enrolled in the console
 * @param enrolledAt    when the tablet exchanged its code, or null
 * @param revokedAt     when it was revoked, or null
 * @param lastContactAt when the tablet last reported, or null
 * @param appVersion    the app version it last reported, or null
 * @param backlog       answers waiting in its outbox at its last report, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KioskView(String id, String storeId, String touchpoint, String label, String state, Instant createdAt,
                        Instant enrolledAt, Instant revokedAt, Instant lastContactAt, String appVersion, Integer backlog) {
}
