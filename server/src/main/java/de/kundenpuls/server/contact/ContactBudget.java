package de.kundenpuls.server.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import de.kundenpuls.model.contact.ContactBudgetRule;
import de.kundenpuls.server.storage.Transaction;

/**
 * One contact budget per customer across survey prompts, campaign pushes and service-recovery
 * messages: no peer has one (Braze caps only messages, Formbricks only surveys), so a shopper
 * could be asked and pushed at without limit. Reads on any thread; {@link #record} on the writer
 * thread, inside the change that makes the contact.
 *
 * <p>Who has used up their budget is also kept in memory, so that a campaign's review counts
 * them in its audience without reading every customer's log. It is built from the stored log on
 * first use (that walk loads every shard of the log once) and kept up to date by {@link #record}.
 */
public final class ContactBudget {

    /** What a contact was. */
    public enum Kind {
        /** A survey prompt shown in the app. */
        SURVEY,
        /** A campaign push. */
        CAMPAIGN,
        /** The apology with a recovery offer after a bad rating. */
        RECOVERY;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The reason recorded per skipped recipient or prompt. */
    public static final String SKIPPED = "contact budget";

    private final ContactLog log;
    private final Optional<ContactBudgetRule> rule;
    private volatile Map<String, Instant> usedUpUntil;

    /**
     * Creates the budget.
     *
     * @param log  the stored contacts
     * @param rule the budget, or empty for none (contacts are then neither limited nor recorded)
     */
    public ContactBudget(ContactLog log, Optional<ContactBudgetRule> rule) {
        this.log = log;
        this.rule = rule;
    }

    /** The budget, or empty when the workspace has none. */
    public Optional<ContactBudgetRule> rule() {
        return rule;
    }

    /**
     * Whether a contact may be made now. The same contact again within the window (a campaign
     * reaching a second phone, a survey prompt shown again) is allowed: it was already counted.
     *
     * @param uid  the customer
     * @param kind what the contact is
     * @param ref  which survey, campaign or recovery offer
     * @param now  the time
     * @return true when it fits the budget or is exempt
     */
    public boolean allows(String uid, Kind kind, String ref, Instant now) {
        if (rule.isEmpty() || (kind == Kind.RECOVERY && rule.get().serviceRecoveryExempt())) {
            return true;
        }
        List<Contact> recent = recent(uid, now);
        return counted(recent, kind, ref) || recent.size() < rule.get().max();
    }

    /**
     * Whether this contact is already counted in the window, so that making it again needs no write.
     *
     * @param uid  the customer
     * @param kind what the contact is
     * @param ref  which survey, campaign or recovery offer
     * @param now  the time
     * @return true when counted, or when there is no budget to count for
     */
    public boolean counted(String uid, Kind kind, String ref, Instant now) {
        return rule.isEmpty() || counted(recent(uid, now), kind, ref);
    }

    /**
     * Whether a customer has used up their budget now (an exempt contact still goes out, and says so).
     *
     * @param uid the customer
     * @param now the time
     * @return true when the next new contact would exceed the budget
     */
    public boolean usedUp(String uid, Instant now) {
        return rule.isPresent() && recent(uid, now).size() >= rule.get().max();
    }

    /**
     * Records a contact made now, unless the same one is already counted. Writer thread only.
     *
     * @param uid  the customer
     * @param kind what the contact is
     * @param ref  which survey, campaign or recovery offer
     * @param now  the time
     * @param tx   the change that makes the contact
     */
    public void record(String uid, Kind kind, String ref, Instant now, Transaction tx) {
        if (rule.isEmpty()) {
            return;
        }
        List<Contact> recent = recent(uid, now);
        if (counted(recent, kind, ref)) {
            return;
        }
        log.append(uid, new Contact(now, kind.id(), ref), tx);
        recent.add(new Contact(now, kind.id(), ref));
        Map<String, Instant> usedUp = usedUpUntil;
        if (usedUp != null) {
            usedUntil(recent).ifPresent(until -> usedUp.put(uid, until));
        }
    }

    /**
     * How many customers who pass a test have used up their budget at a time: those a campaign
     * sent then would skip.
     *
     * @param at         when the campaign goes out
     * @param inAudience whether a customer is in the audience
     * @return the count
     */
    public long usedUpAmong(Instant at, Predicate<String> inAudience) {
        if (rule.isEmpty()) {
            return 0;
        }
        long n = 0;
        for (Map.Entry<String, Instant> e : usedUp().entrySet()) {
            if (e.getValue().isAfter(at) && inAudience.test(e.getKey())) {
                n++;
            }
        }
        return n;
    }

    /** A customer's contacts (export). */
    public List<Contact> of(String uid) {
        return log.of(uid);
    }

    /** Forgets a customer (erasure). Writer thread only. */
    public void forget(String uid, Transaction tx) {
        log.forget(uid, tx);
        Map<String, Instant> usedUp = usedUpUntil;
        if (usedUp != null) {
            usedUp.remove(uid);
        }
    }

    private List<Contact> recent(String uid, Instant now) {
        Instant since = now.minus(window());
        List<Contact> recent = new ArrayList<>();
        for (Contact c : log.of(uid)) {
            if (c.at().isAfter(since)) {
                recent.add(c);
            }
        }
        return recent;
    }

    private static boolean counted(List<Contact> recent, Kind kind, String ref) {
        return recent.stream().anyMatch(c -> c.kind().equals(kind.id()) && c.ref().equals(ref));
    }

    /** Until when a customer's budget is used up (the max-th newest contact leaves the window then), if it is. */
    private Optional<Instant> usedUntil(List<Contact> recent) {
        int max = rule.orElseThrow().max();
        if (recent.size() < max) {
            return Optional.empty();
        }
        return Optional.of(recent.get(recent.size() - max).at().plus(window()));
    }

    private Duration window() {
        return Duration.ofDays(rule.orElseThrow().days());
    }

    private Map<String, Instant> usedUp() {
        Map<String, Instant> usedUp = usedUpUntil;
        if (usedUp != null) {
            return usedUp;
        }
        synchronized (this) {
            if (usedUpUntil == null) {
                Map<String, Instant> built = new ConcurrentHashMap<>();
                Instant since = Instant.now().minus(window());
                log.forEach((uid, contacts) -> {
                    List<Contact> recent = new ArrayList<>();
                    for (Contact c : contacts) {
                        if (c.at().isAfter(since)) {
                            recent.add(c);
                        }
                    }
                    usedUntil(recent).ifPresent(until -> built.put(uid, until));
                });
                usedUpUntil = built;
            }
            return usedUpUntil;
        }
    }
}
