package de.kundenpuls.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.profile.AgeBand;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;

/**
 * The demo's app customers: ten per store with a name, a home store, an age band, the consents
 * most people give and a push device, created through {@code /api/me} as the app does.
 */
final class DemoCustomers {

    private static final List<String> FIRST = List.of("Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannes",
            "Ida", "Jonas", "Katrin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tina", "Umut");
    private static final List<String> LAST = List.of("Becker", "Schulz", "Yilmaz", "Wagner", "Hoffmann", "Novak", "Weber",
            "Richter", "Krause", "Lange");
    private static final int PER_STORE = 10;

    private final Map<String, List<Customer>> byStore;
    private final Map<String, Caller> callers = new LinkedHashMap<>();

    private DemoCustomers(Map<String, List<Customer>> byStore) {
        this.byStore = byStore;
    }

    /**
     * One customer.
     *
     * @param uid      their account
     * @param name     their name
     * @param storeId  their home store
     * @param push     whether they take push messages (consent and device)
     * @param client   a client signed in as them
     */
    record Customer(String uid, String name, String storeId, boolean push, KundenpulsClient client) {
    }

    /**
     * Creates the customers.
     *
     * @param as     a client with a new dev identity of a role
     * @param stores the stores
     * @param random the history's random source
     * @return them
     */
    static DemoCustomers create(BiFunction<Role, String, KundenpulsClient> as, List<StoreView> stores, Random random) {
        Map<String, List<Customer>> byStore = new LinkedHashMap<>();
        int n = 0;
        for (StoreView store : stores) {
            List<Customer> list = new ArrayList<>();
            for (int i = 0; i < PER_STORE; i++, n++) {
                String first = FIRST.get(n % FIRST.size());
                String name = first + " " + LAST.get((n * 7 + i) % LAST.size());
                KundenpulsClient me = as.apply(Role.SHOPPER, null);
                String uid = me.me().get().uid();
                String locale = store.id().equals("wien-neubau") && i % 3 == 0 ? "en" : "de";
                me.me().patch(Map.of("contact", Map.of("name", name,
                                "email", first.toLowerCase(java.util.Locale.ROOT) + "." + n + "@kundenpuls.example"),
                        "homeStoreId", store.id(), "locale", locale,
                        "ageBand", AgeBand.VALUES.get(1 + random.nextInt(AgeBand.VALUES.size() - 1))));
                boolean push = random.nextDouble() < 0.8;
                me.me().consents(Map.of("contact", random.nextDouble() < 0.85, "personalization", random.nextDouble() < 0.75,
                        "marketing_push", push));
                if (push) {
                    me.me().registerDevice("demo-device-" + n, n % 3 == 0 ? "ios" : "android", locale);
                }
                list.add(new Customer(uid, name, store.id(), push, me));
            }
            byStore.put(store.id(), list);
        }
        return new DemoCustomers(byStore);
    }

    /**
     * A customer of a store, as the sender of an answer.
     *
     * @param storeId the store
     * @param random  the history's random source
     * @return a shopper caller
     */
    Caller pick(String storeId, Random random) {
        List<Customer> list = byStore.get(storeId);
        Customer c = list.get(random.nextInt(list.size()));
        return callers.computeIfAbsent(c.uid(), uid -> new Caller(uid, Role.SHOPPER, Optional.empty(), Optional.empty(),
                Instant.now().plus(Duration.ofDays(1))));
    }

    /** Every customer. */
    List<Customer> all() {
        return byStore.values().stream().flatMap(List::stream).toList();
    }

    /** How many there are. */
    int size() {
        return all().size();
    }
}
