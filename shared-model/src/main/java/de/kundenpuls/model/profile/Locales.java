package de.kundenpuls.model.profile;

import java.util.List;
import java.util.Locale;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/** The languages Kundenpuls speaks. */
public final class Locales {

    /** Supported language codes; the first is the default. */
    public static final List<String> SUPPORTED = List.of("de", "en");

    private Locales() {
    }

    /**
     * Validates a language code.
     *
     * @param locale e.g. {@code de} or {@code en-GB}
     * @param field  the field name for the error
     * @return the two-letter language
     */
    public static String requireSupported(String locale, String field) {
        if (locale == null || locale.isBlank()) {
            throw new InvalidFieldException(field, ProblemCode.REQUIRED);
        }
        String language = locale.strip().toLowerCase(Locale.ROOT);
        int dash = language.indexOf('-') >= 0 ? language.indexOf('-') : language.indexOf('_');
        if (dash > 0) {
            language = language.substring(0, dash);
        }
        if (!SUPPORTED.contains(language)) {
            throw new InvalidFieldException(field, ProblemCode.NOT_ONE_OF, String.join(", ", SUPPORTED));
        }
        return language;
    }
}
