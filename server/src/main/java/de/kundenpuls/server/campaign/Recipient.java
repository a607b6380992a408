package de.kundenpuls.server.campaign;

import java.time.Instant;

/**
 * One recipient of a campaign and what happened to their message. Stored as it goes, so a restart
 * resumes without sending anyone a second message.
 *
 * @param uid       the profile
 * @param token     the device token
 * @param variant   the A/B variant id
 * @param title     rendered title
 * @param body      rendered body
 * @param code      the personal offer code, or null
 * @param state     pending, waiting (for the quiet hours of the home store to end), sending, sent,
 *                  failed, unregistered, suppressed
 * @param detail    why failed or suppressed; for a waiting one, the instant the quiet hours end
 * @param openedAt  when opened in the app, or null
 */
public record Recipient(String uid, String token, String variant, String title, String body, String code, String state,
                        String detail, Instant openedAt) {

    /** The state of a recipient whose message waits for the end of the quiet hours. */
    public static final String WAITING = "waiting";

    /** For a waiting recipient: when the message may go out. */
    public Instant waitsUntil() {
        return Instant.parse(detail);
    }

    /** Copy in another state. */
    public Recipient with(String newState, String newDetail) {
        return new Recipient(uid, token, variant, title, body, code, newState, newDetail, openedAt);
    }

    /**
     * Copy without anything that names the person (erasure): no uid, token or texts; a message
     * not yet sent will not be. State counts and the offer code (itself anonymized) stay.
     */
    public Recipient erased() {
        boolean unsent = state.equals("pending") || state.equals(WAITING);
        return new Recipient(null, null, variant, "", "", code, unsent ? "suppressed" : state, unsent ? "erased" : detail, openedAt);
    }

    /** Copy marked as opened. */
    public Recipient opened(Instant at) {
        return new Recipient(uid, token, variant, title, body, code, state, detail, at);
    }
}
