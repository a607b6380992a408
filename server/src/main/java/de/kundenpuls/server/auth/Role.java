package de.kundenpuls.server.auth;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do. Carried as the {@code role} custom claim of a Firebase ID token. */
public enum Role {
    /** A customer using the app on their own phone. */
    SHOPPER,
    /** Store staff, bound to one store by the {@code store} claim. */
    STAFF,
    /** Marketing: campaigns, offers, surveys, analytics. */
    MARKETER,
    /** Everything, including catalog import, erasure and the audit log. */
    ADMIN,
    /**
     * An enrolled feedback kiosk (a store tablet), bound to one store and touchpoint by the
     * {@code store} and {@code touchpoint} claims of the custom token minted at its enrollment. It
     * posts answers for that place only and reads nothing else.
     */
    KIOSK;

    /** The claim value, e.g. {@code "shopper"}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a claim value.
     *
     * @param claim e.g. {@code "staff"}
     * @return the role, or empty when the value names none
     */
    public static Optional<Role> fromClaim(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
