package de.kundenpuls.server.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import de.kundenpuls.model.Message;
import de.kundenpuls.model.MessageKey;

/**
 * What an audit entry says happened, stored as its key and arguments ({@code audit-imported 12 3})
 * and worded when someone reads the log, in their language. An entry written before these notes
 * existed keeps its English text.
 */
public enum AuditNote implements MessageKey {
    /** A catalog import: products imported, rows rejected. */
    IMPORTED,
    /** An admin erased a profile and the data linked to it. */
    ERASED,
    /** An admin erased the data linked to a uid that had no profile. */
    ERASED_NO_PROFILE,
    /** A customer erased their own account. */
    ERASED_SELF,
    /** A customer without a profile erased the data linked to their uid. */
    ERASED_SELF_NO_PROFILE,
    /** An admin exported a profile. */
    EXPORTED,
    /** An admin looked a customer up by e-mail and found them (the address itself is not logged). */
    FOUND_BY_EMAIL,
    /** An admin looked a customer up by e-mail and found nobody. */
    NOT_FOUND_BY_EMAIL;

    private final String key = "audit-" + name().toLowerCase(Locale.ROOT).replace('_', '-');

    @Override
    public String key() {
        return key;
    }

    /**
     * @param args the note's arguments (numbers or words without spaces)
     * @return the stored form
     */
    public String stored(Object... args) {
        StringBuilder sb = new StringBuilder(key);
        for (Object arg : args) {
            sb.append(' ').append(arg);
        }
        return sb.toString();
    }

    /**
     * @param stored an entry's stored detail
     * @param reader the reader's language
     * @return the detail worded in it, or the stored text when it is not a note
     */
    public static String worded(String stored, Locale reader) {
        if (stored == null) {
            return null;
        }
        List<String> parts = Arrays.asList(stored.split(" "));
        return Arrays.stream(values()).filter(n -> n.key.equals(parts.getFirst())).findFirst()
                .map(n -> Message.of(n, parts.subList(1, parts.size()).toArray()).text(reader))
                .orElse(stored);
    }
}
