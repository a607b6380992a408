package de.kundenpuls.server.push;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * One push notification to one device, checked at composition against FCM's 4096-byte payload
 * limit (title, body and data keys and values, as FCM counts them).
 *
 * @param token the FCM registration token
 * @param title notification title
 * @param body  notification text
 * @param data  data payload (campaign id, offer code, …)
 */
public record PushMessage(String token, String title, String body, Map<String, String> data) {

    /** FCM's limit for the message payload. */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    /** Validates the message. */
    public PushMessage {
        InvalidFieldException.requiredText(token, "token", 4096);
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
        int bytes = payloadBytes(title, body, data);
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new InvalidFieldException("body", ProblemCode.PUSH_TOO_LARGE, bytes, MAX_PAYLOAD_BYTES);
        }
    }

    /**
     * The payload size FCM counts.
     *
     * @param title title
     * @param body  body
     * @param data  data
     * @return bytes
     */
    public static int payloadBytes(String title, String body, Map<String, String> data) {
        int bytes = utf8(title) + utf8(body);
        for (Map.Entry<String, String> e : data.entrySet()) {
            bytes += utf8(e.getKey()) + utf8(e.getValue());
        }
        return bytes;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
