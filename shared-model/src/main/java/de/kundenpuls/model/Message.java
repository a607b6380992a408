package de.kundenpuls.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A text by its key and arguments, worded only when someone reads it, in their language. An argument
 * that is itself a {@code Message} is worded in the same language.
 *
 * @param key  the text's key
 * @param args its arguments: {@code Message}s, or values shown as they are ({@link String#valueOf})
 */
public record Message(MessageKey key, List<Object> args) {

    /** Copies the arguments; plain values become their text, so that no number is formatted by locale. */
    public Message {
        List<Object> copy = new ArrayList<>(args.size());
        for (Object arg : args) {
            copy.add(arg instanceof Message ? arg : String.valueOf(arg));
        }
        args = Collections.unmodifiableList(copy);
    }

    /**
     * @param key  the text's key
     * @param args its arguments
     * @return the message
     */
    public static Message of(MessageKey key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /**
     * @param locale the reader's language ({@link Locale#GERMAN}; anything else reads English)
     * @return the worded text
     */
    public String text(Locale locale) {
        Object[] worded = new Object[args.size()];
        for (int i = 0; i < worded.length; i++) {
            worded[i] = args.get(i) instanceof Message m ? m.text(locale) : args.get(i);
        }
        return Messages.format(key.key(), locale, worded);
    }

    /** @return the English text */
    public String english() {
        return text(Locale.ROOT);
    }

    @Override
    public String toString() {
        return english();
    }
}
