package de.kundenpuls.model.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer profile: what the customer told us, what they allowed, and what was learned.
 *
 * <p>The collections are copied into mutable JDK classes wrapped unmodifiable: Eclipse Store
 * reloads one-element {@code List.of} collections wrongly (STACK.md).
 *
 * @param uid         the Firebase user id
 * @param contact     contact data kept by the customer
 * @param homeStoreId the store they shop at most, or null
 * @param locale      {@code de} or {@code en}
 * @param ageBand     an {@link AgeBand} value, or null
 * @param consents    consent per purpose key ({@code personalization}, {@code marketing_push}, {@code contact})
 * @param devices     app installations that can receive push
 * @param affinities  learned interest per product category, −1…1 (only with personalization consent)
 * @param history     the most recent contacts, newest last
 * @param createdAt   when the profile was created
 * @param updatedAt   when it last changed
 */
public record Profile(String uid, Contact contact, String homeStoreId, String locale, String ageBand,
                      Map<String, Consent> consents, List<Device> devices, Map<String, Double> affinities,
                      List<Interaction> history, Instant createdAt, Instant updatedAt) {

    /** Longest kept history. */
    public static final int HISTORY_LIMIT = 50;

    /** Copies the collections. */
    public Profile {
        Objects.requireNonNull(uid, "uid");
        contact = contact == null ? Contact.empty() : contact;
        consents = Collections.unmodifiableMap(new HashMap<>(consents == null ? Map.of() : consents));
        devices = Collections.unmodifiableList(new ArrayList<>(devices == null ? List.of() : devices));
        affinities = Collections.unmodifiableMap(new HashMap<>(affinities == null ? Map.of() : affinities));
        history = Collections.unmodifiableList(new ArrayList<>(history == null ? List.of() : history));
    }

    /**
     * A new, empty profile.
     *
     * @param uid    the user id
     * @param locale the language
     * @param now    creation time
     * @return the profile
     */
    public static Profile create(String uid, String locale, Instant now) {
        return new Profile(uid, Contact.empty(), null, locale, null, Map.of(), List.of(), Map.of(), List.of(), now, now);
    }

    /**
     * Whether a purpose is currently granted.
     *
     * @param purpose the purpose
     * @return true only when explicitly granted
     */
    public boolean allows(ConsentPurpose purpose) {
        Consent c = consents.get(purpose.key());
        return c != null && c.granted();
    }

    /** Copy with other contact data. */
    public Profile withContact(Contact newContact, Instant now) {
        return new Profile(uid, newContact, homeStoreId, locale, ageBand, consents, devices, affinities, history, createdAt, now);
    }

    /** Copy with other settings. */
    public Profile withSettings(String newHomeStoreId, String newLocale, String newAgeBand, Instant now) {
        return new Profile(uid, contact, newHomeStoreId, newLocale, newAgeBand, consents, devices, affinities, history, createdAt, now);
    }

    /** Copy with other consents. */
    public Profile withConsents(Map<String, Consent> newConsents, Instant now) {
        return new Profile(uid, contact, homeStoreId, locale, ageBand, newConsents, devices, affinities, history, createdAt, now);
    }

    /** Copy with other devices. */
    public Profile withDevices(List<Device> newDevices, Instant now) {
        return new Profile(uid, contact, homeStoreId, locale, ageBand, consents, newDevices, affinities, history, createdAt, now);
    }

    /** Copy with other learned affinities. */
    public Profile withAffinities(Map<String, Double> newAffinities, Instant now) {
        return new Profile(uid, contact, homeStoreId, locale, ageBand, consents, devices, newAffinities, history, createdAt, now);
    }

    /**
     * Copy with one more contact in the history, dropping the oldest beyond the limit.
     *
     * @param interaction the contact
     * @param now         update time
     * @return the copy
     */
    public Profile withInteraction(Interaction interaction, Instant now) {
        List<Interaction> next = new ArrayList<>(history);
        next.add(interaction);
        if (next.size() > HISTORY_LIMIT) {
            next = next.subList(next.size() - HISTORY_LIMIT, next.size());
        }
        return new Profile(uid, contact, homeStoreId, locale, ageBand, consents, devices, affinities, next, createdAt, now);
    }
}
