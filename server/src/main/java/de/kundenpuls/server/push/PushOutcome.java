package de.kundenpuls.server.push;

/**
 * What happened to one message.
 *
 * @param token     the device token
 * @param kind      the outcome
 * @param messageId FCM's message name when sent
 * @param detail    the error when not sent
 */
public record PushOutcome(String token, Kind kind, String messageId, String detail) {

    /** Outcomes. */
    public enum Kind {
        /** Accepted by FCM. */
        SENT,
        /** The token is dead (app uninstalled): delete it, never try it again. */
        UNREGISTERED,
        /** Not sent after all retries, or refused as invalid. */
        FAILED,
        /** Over the device's rate (240/min): not sent, may be retried later. */
        RATE_LIMITED
    }
}
