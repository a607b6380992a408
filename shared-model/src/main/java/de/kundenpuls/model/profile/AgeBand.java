package de.kundenpuls.model.profile;

import java.util.List;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/** Age bands a customer may state (no birth date: data minimisation). */
public final class AgeBand {

    /** The allowed values. */
    public static final List<String> VALUES = List.of("under-18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+");

    private AgeBand() {
    }

    /**
     * Validates an age band.
     *
     * @param value the value or null
     * @param field field name for the error
     * @return the value
     */
    public static String validate(String value, String field) {
        if (value != null && !VALUES.contains(value)) {
            throw new InvalidFieldException(field, ProblemCode.NOT_ONE_OF, String.join(", ", VALUES));
        }
        return value;
    }
}
