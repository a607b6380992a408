package de.kundenpuls.model.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * One purpose's consent state and when it was last changed.
 *
 * @param granted whether the purpose is allowed
 * @param at      when it was granted or withdrawn
 * @param source  where (e.g. {@code app}, {@code kiosk}, {@code admin})
 */
public record Consent(boolean granted, Instant at, String source) {

    /** Validates the timestamp. */
    public Consent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}
