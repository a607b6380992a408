package de.kundenpuls.model.kiosk;

import java.time.Instant;

/**
 * A kiosk just enrolled in the console, with its one-time code. The server keeps only a hash of
 * the code, so this is the one time it can be shown.
 *
 * @param kiosk          the kiosk
 * @param code           the one-time code the tablet types or scans
 * @param codeExpiresAt  when the code stops working
 * @param qrSvg          the code as a QR code (an SVG document)
 */
public record KioskEnrollment(KioskView kiosk, String code, Instant codeExpiresAt, String qrSvg) {
}
