package de.kundenpuls.server.kiosk;

import java.time.Instant;

import de.kundenpuls.model.kiosk.KioskView;

/**
 * A feedback kiosk: enrolled in the console for a store and touchpoint, then claimed by a tablet
 * with its one-time code. Stored; immutable, a change replaces the record.
 *
 * @param id            kiosk id
 * @param storeId       the store
 * @param touchpoint    the touchpoint
 * @param label         what staff call it
 * @param createdAt     when it was enrolled in the console
 * @param createdBy     who enrolled it (uid)
 * @param codeExpiresAt until when its code can be exchanged
 * @param enrolledAt    when a tablet exchanged the code, or null
 * @param revokedAt     when an admin revoked it, or null
 * @param lastContactAt the tablet's last report, or null
 * @param appVersion    the app version of that report
 * @param backlog       the outbox backlog of that report, or -1
 */
record Kiosk(String id, String storeId, String touchpoint, String label, Instant createdAt, String createdBy,
             Instant codeExpiresAt, Instant enrolledAt, Instant revokedAt, Instant lastContactAt, String appVersion, int backlog) {

    /** Kiosk accounts are named after the kiosk, so a uid tells which kiosk calls. */
    static final String UID_PREFIX = "kiosk-";

    /** The kiosk's account id. */
    String uid() {
        return UID_PREFIX + id;
    }

    /** Whether it may act: enrolled by a tablet and not revoked. */
    boolean active() {
        return enrolledAt != null && revokedAt == null;
    }

    /**
     * Its state at a moment.
     *
     * @param now the moment
     * @return pending, expired, enrolled or revoked
     */
    String state(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (enrolledAt != null) {
            return "enrolled";
        }
        return now.isBefore(codeExpiresAt) ? "pending" : "expired";
    }

    Kiosk enrolled(Instant at) {
        return new Kiosk(id, storeId, touchpoint, label, createdAt, createdBy, codeExpiresAt, at, revokedAt, at, appVersion,
                backlog);
    }

    Kiosk revoked(Instant at) {
        return new Kiosk(id, storeId, touchpoint, label, createdAt, createdBy, codeExpiresAt, enrolledAt, at, lastContactAt,
                appVersion, backlog);
    }

    Kiosk contacted(Instant at, String version, int waiting) {
        return new Kiosk(id, storeId, touchpoint, label, createdAt, createdBy, codeExpiresAt, enrolledAt, revokedAt, at, version,
                waiting);
    }

    KioskView view(Instant now) {
        return new KioskView(id, storeId, touchpoint, label, state(now), createdAt, enrolledAt, revokedAt, lastContactAt,
                appVersion, backlog < 0 ? null : backlog);
    }
}
