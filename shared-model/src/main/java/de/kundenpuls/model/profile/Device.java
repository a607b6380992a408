package de.kundenpuls.model.profile;

import java.time.Instant;
import java.util.Locale;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * An installation of the app that can receive push messages.
 *
 * @param token        the FCM registration token
 * @param platform     {@code android}, {@code ios} or {@code desktop}
 * @param locale       the device language, {@code de} or {@code en}
 * @param registeredAt when it was (last) registered
 */
public record Device(String token, String platform, String locale, Instant registeredAt) {

    /** Validates the fields. */
    public Device {
        token = InvalidFieldException.requiredText(token, "token", 4096);
        platform = InvalidFieldException.requiredText(platform, "platform", 16).toLowerCase(Locale.ROOT);
        if (!platform.equals("android") && !platform.equals("ios") && !platform.equals("desktop")) {
            throw new InvalidFieldException("platform", ProblemCode.NOT_ONE_OF, "android, ios, desktop");
        }
        locale = Locales.requireSupported(locale == null ? "de" : locale, "locale");
    }
}
