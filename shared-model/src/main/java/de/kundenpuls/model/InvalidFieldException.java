package de.kundenpuls.model;

/**
 * A value that breaks the contract, naming the field. Thrown by the records' compact constructors
 * so that the server can answer 400 with the field, and the app can show it next to the input.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field   the field name (JSON property), relative to the record that threw
     * @param message what is wrong, e.g. "must be between 1 and 5"
     */
    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The wrong field. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        String m = getMessage();
        return m.substring(field.length() + 2);
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
            throw new InvalidFieldException(field, "is required");
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
            throw new InvalidFieldException(field, "is required");
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
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
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
            throw new InvalidFieldException(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
