package de.kundenpuls.model.privacy;

import java.time.Instant;

/**
 * One entry of the audit log: what an admin did to people's data, a self-erasure (without the
 * person), an enrolled or revoked kiosk.
 *
 * @param at      when
 * @param actor   who did it (uid), or null for a self-erasure
 * @param action  e.g. {@code profile.erase}, {@code kiosk.revoke}
 * @param subject what it concerns (a uid, a kiosk id, a store)
 * @param detail  a line of detail
 * @param position where it stands in the log (0 for the first entry ever): the {@code before} of paging
 * @param subjectName the name and e-mail address of the person concerned while they still exist, else null
 */
public record AuditEntryView(Instant at, String actor, String action, String subject, String detail, long position,
                             String subjectName) {
}
