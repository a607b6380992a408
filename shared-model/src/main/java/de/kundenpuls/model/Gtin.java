package de.kundenpuls.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A trade item number printed as a barcode: EAN-13 (13 digits), EAN-8 (8 digits) or UPC-A
 * (12 digits), always with a correct GS1 check digit. Nothing else is a {@code Gtin}.
 *
 * @param value the digits as printed
 */
public record Gtin(String value) implements Comparable<Gtin> {

    /** Validates length, digits and check digit. */
    public Gtin {
        if (value == null) {
            throw new InvalidFieldException("gtin", ProblemCode.REQUIRED);
        }
        int n = value.length();
        if (n != 8 && n != 12 && n != 13) {
            throw new InvalidFieldException("gtin", ProblemCode.GTIN_LENGTH, n);
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidFieldException("gtin", ProblemCode.GTIN_DIGITS);
            }
        }
        int expected = checkDigit(value.substring(0, n - 1));
        if (value.charAt(n - 1) - '0' != expected) {
            throw new InvalidFieldException("gtin", ProblemCode.GTIN_CHECK_DIGIT, expected);
        }
    }

    /**
     * Parses a code as read from a barcode or typed by a user.
     *
     * @param value the digits
     * @return the GTIN
     * @throws InvalidFieldException when it is not a valid EAN-13, EAN-8 or UPC-A
     */
    @JsonCreator
    public static Gtin of(String value) {
        return new Gtin(value == null ? null : value.strip());
    }

    /**
     * Whether a text is a valid GTIN.
     *
     * @param value the text
     * @return true for a valid EAN-13, EAN-8 or UPC-A
     */
    public static boolean isValid(String value) {
        try {
            new Gtin(value);
            return true;
        } catch (InvalidFieldException e) {
            return false;
        }
    }

    /**
     * Appends the GS1 check digit to a payload of 7, 11 or 12 digits.
     *
     * @param payload the digits without the check digit
     * @return the full GTIN
     */
    public static Gtin withCheckDigit(String payload) {
        return new Gtin(payload + checkDigit(payload));
    }

    /**
     * The GS1 check digit: weights 3 and 1 alternate from the rightmost payload digit.
     *
     * @param payload digits without check digit
     * @return the check digit 0–9
     */
    public static int checkDigit(String payload) {
        int sum = 0;
        boolean three = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    /** The digits, which is also the JSON form. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(Gtin other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
