package de.kundenpuls.model.profile;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * Contact data the customer keeps up to date themselves. Every field is optional.
 *
 * @param name       how to address them
 * @param email      e-mail address
 * @param street     street and number
 * @param postalCode postal code
 * @param city       city
 * @param country    ISO 3166-1 alpha-2 country code, e.g. {@code DE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(String name, String email, String street, String postalCode, String city, String country) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern POSTAL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Validates every field; blank values become null. */
    public Contact {
        name = InvalidFieldException.optionalText(name, "name", 100);
        email = InvalidFieldException.optionalText(email, "email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidFieldException("email", ProblemCode.NOT_AN_EMAIL);
        }
        street = InvalidFieldException.optionalText(street, "street", 200);
        postalCode = InvalidFieldException.optionalText(postalCode, "postalCode", 10);
        if (postalCode != null && !POSTAL.matcher(postalCode).matches()) {
            throw new InvalidFieldException("postalCode", ProblemCode.NOT_A_POSTAL_CODE);
        }
        city = InvalidFieldException.optionalText(city, "city", 100);
        country = InvalidFieldException.optionalText(country, "country", 2);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                throw new InvalidFieldException("country", ProblemCode.NOT_A_COUNTRY);
            }
        }
    }

    /** No contact data. */
    public static Contact empty() {
        return new Contact(null, null, null, null, null, null);
    }
}
