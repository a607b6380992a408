package de.kundenpuls.model;

/**
 * A value that breaks the contract, naming the field. Thrown by the records' compact constructors
 * so that the server can answer 400 with the field, and the app can show it next to the input.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Message message;

    /**
     * Creates the exception.
     *
     * @param field the field name (JSON property), relative to the record that threw
     * @param code  what is wrong, e.g. {@link ProblemCode#OUT_OF_RANGE}
     * @param args  the arguments of the code's text
     */
    public InvalidFieldException(String field, ProblemCode code, Object... args) {
        this(field, Message.of(code, args));
    }

    /**
     * Creates the exception.
     *
     * @param field   the field name (JSON property), relative to the record that threw
     * @param message what is wrong
     */
    public InvalidFieldException(String field, Message message) {
        super(field + ": " + message.english());
        this.field = field;
        this.message = message;
    }

    /** The wrong field. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name, to be worded in the reader's language. */
    public Message message() {
        return message;
    }

    /** What is wrong, without the field name, in English. */
    public String reason() {
        return message.english();
    }

    /**
     * Fails when a required value is missing.
     *
     * @param value the value
     * @param field its field name
     * @param <T>   its type
     * @return the value
     */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, ProblemCode.REQUIRED);
        }
        return value;
    }

    /**
     * Fails when a required text is missing or blank, or longer than allowed.
     *
     * @param value     the text
     * @param field     its field name
     * @param maxLength the longest allowed length
     * @return the text, stripped
     */
    public static String requiredText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, ProblemCode.REQUIRED);
        }
        return optionalText(value, field, maxLength);
    }

    /**
     * Fails when an optional text is longer than allowed; blank becomes null.
     *
     * @param value     the text or null
     * @param field     its field name
     * @param maxLength the longest allowed length
     * @return the stripped text, or null
     */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidFieldException(field, ProblemCode.TOO_LONG, maxLength);
        }
        int bad = unsafeCharacter(stripped);
        if (bad >= 0) {
            throw new InvalidFieldException(field, ProblemCode.UNSAFE_CHARACTER,
                    String.format("%04X", (int) stripped.charAt(bad)), bad + 1);
        }
        return stripped;
    }

    /**
     * Where a text has a character that staff screens must never render: C0 and C1 control
     * characters other than tab and line breaks (NUL, ESC, …), bidirectional embeddings, overrides
     * and isolates (U+202A–U+202E, U+2066–U+2069, which can make a comment read backwards), and
     * surrogates that do not form a pair.
     *
     * @param text the text
     * @return the index of the first such character, or −1
     */
    public static int unsafeCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Fails when a number is outside a range.
     *
     * @param value the number or null
     * @param field its field name
     * @param min   smallest allowed
     * @param max   largest allowed
     * @return the number
     */
    public static Integer range(Integer value, String field, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidFieldException(field, ProblemCode.OUT_OF_RANGE, min, max);
        }
        return value;
    }
}
