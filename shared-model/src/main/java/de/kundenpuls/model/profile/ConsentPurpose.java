package de.kundenpuls.model.profile;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a customer may consent to, each on its own (data protection by design). */
public enum ConsentPurpose {
    /** Learn from behaviour and rank offers personally. */
    PERSONALIZATION("personalization"),
    /** Receive push campaigns. */
    MARKETING_PUSH("marketing_push"),
    /** Store staff may answer feedback. */
    CONTACT("contact");

    private final String key;

    ConsentPurpose(String key) {
        this.key = key;
    }

    /** The JSON key, e.g. {@code marketing_push}. */
    @JsonValue
    public String key() {
        return key;
    }

    /**
     * Looks up a purpose by JSON key.
     *
     * @param key e.g. {@code contact}
     * @return the purpose, or empty
     */
    public static Optional<ConsentPurpose> fromKey(String key) {
        for (ConsentPurpose p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
