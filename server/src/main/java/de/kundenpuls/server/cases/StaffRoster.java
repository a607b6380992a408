package de.kundenpuls.server.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import de.kundenpuls.model.cases.Colleague;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;

/**
 * The staff of each store who work its cases, as far as the server has seen them: Firebase holds
 * the accounts and their store claim, so a staff member joins their store's roster when they open
 * its cases, and leaves it after {@link #ACTIVE} without doing so (someone who moved to another
 * store or left). One short array per store in a {@link ShardedMap}: noting a colleague stores one
 * small shard. Writes on the storage writer thread only.
 */
public final class StaffRoster {

    /** How long a colleague stays assignable without opening the store's cases. */
    static final Duration ACTIVE = Duration.ofDays(90);

    private final ShardedMap<String, Colleague[]> byStore = new ShardedMap<>();

    /** The store's colleagues seen within {@link #ACTIVE}, by name. */
    public List<Colleague> of(String storeId, Instant now) {
        Colleague[] staff = byStore.get(storeId);
        if (staff == null) {
            return List.of();
        }
        Instant since = now.minus(ACTIVE);
        return Arrays.stream(staff).filter(c -> c.lastSeen().isAfter(since))
                .sorted(Comparator.comparing(Colleague::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** An assignable colleague of the store. */
    public Optional<Colleague> find(String storeId, String uid, Instant now) {
        return of(storeId, now).stream().filter(c -> c.uid().equals(uid)).findFirst();
    }

    /**
     * What a staff member's visit to their store's cases should store: nothing when the roster
     * already has them under that name today (most visits), so that reading the cases rarely writes.
     */
    public Optional<Colleague> visit(Caller staff, Instant now) {
        String store = staff.storeId().orElseThrow();
        Colleague seen = new Colleague(staff.uid(), staff.name().orElse(staff.uid()), now.truncatedTo(ChronoUnit.DAYS));
        Colleague[] current = byStore.get(store);
        boolean known = current != null && Arrays.asList(current).contains(seen);
        return known ? Optional.empty() : Optional.of(seen);
    }

    /** Adds or updates a colleague of the store. Writer thread only. */
    void note(String storeId, Colleague colleague, Transaction tx) {
        Colleague[] current = byStore.get(storeId);
        List<Colleague> next = new ArrayList<>();
        if (current != null) {
            for (Colleague c : current) {
                if (!c.uid().equals(colleague.uid())) {
                    next.add(c);
                }
            }
        }
        next.add(colleague);
        byStore.put(storeId, next.toArray(Colleague[]::new), tx);
    }
}
