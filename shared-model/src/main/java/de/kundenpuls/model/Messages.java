package de.kundenpuls.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message bundles: English as the base ({@code messages.properties}), German beside it. The
 * machine's default locale never decides: a server in Germany still answers an English caller in
 * English.
 */
public final class Messages {

    /** The base name of the bundles. */
    public static final String BUNDLE = "de.kundenpuls.model.messages";

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * @param locale a language
     * @return the bundle of that language, English for any language without one
     */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }

    /**
     * @param key    a text's key
     * @param locale the language
     * @param args   the pattern's arguments, already worded
     * @return the text
     * @throws MissingResourceException when the key has no text (a test keeps every key covered)
     */
    public static String format(String key, Locale locale, Object... args) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(args);
    }

    /**
     * @param status an HTTP status code
     * @param locale   the language
     * @param fallback the title when the bundles have none for the status
     * @return the problem title for that status; the English reason phrase when there is no text
     */
    public static String title(int status, Locale locale, String fallback) {
        ResourceBundle bundle = bundle(locale);
        String key = "title." + status;
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
