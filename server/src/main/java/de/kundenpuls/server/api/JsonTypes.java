package de.kundenpuls.server.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The JSON a client should send for a Java type, in the words of the API documentation, never a class name. */
final class JsonTypes {

    private JsonTypes() {
    }

    /**
     * @param type the type Jackson wanted, or null
     * @return e.g. {@code "a number"}, {@code "an ISO-8601 instant such as 2026-12-01T09:30:00Z"}
     */
    static String expected(Class<?> type) {
        if (type == null) {
            return "JSON of another shape";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-12-01T09:30:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO date such as 2026-12-01";
        }
        if (type == LocalTime.class) {
            return "a time such as 21:00";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        // A value type such as Gtin or Money: its JSON form is documented with the field.
        return "a value of the documented form";
    }
}
