package de.kundenpuls.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The app's words in German and English ({@code texts.properties}, {@code texts_en.properties}). */
public final class Texts {

    private static volatile ResourceBundle bundle = load(Locale.GERMAN);
    private static volatile Locale locale = Locale.GERMAN;

    private Texts() {
    }

    private static ResourceBundle load(Locale locale) {
        // The German file is the base bundle; never fall back to the JVM's default locale.
        return ResourceBundle.getBundle("de.kundenpuls.app.i18n.texts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @param newLocale the language to speak from now on */
    public static void use(Locale newLocale) {
        locale = newLocale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.GERMAN;
        bundle = load(locale);
    }

    /** @return {@code de} or {@code en} */
    public static String lang() {
        return locale.getLanguage();
    }

    /** @return the current locale */
    public static Locale locale() {
        return locale;
    }

    /**
     * A text, with {@code {0}}-style arguments filled in.
     *
     * @param key  the key
     * @param args the arguments
     * @return the text in the current language
     */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
