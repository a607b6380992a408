package de.kundenpuls.server.kiosk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import de.kundenpuls.server.storage.ShardedMap;
import de.kundenpuls.server.storage.Transaction;

/**
 * The stored kiosks: by id in a {@link ShardedMap} (a report of a tablet rewrites one small
 * shard), the ids per store (a store has tens of kiosks, so its list stays small), and the hashes
 * of codes not yet exchanged. Writes on the storage writer thread only.
 */
public final class KioskFleet {

    private final ShardedMap<String, Kiosk> byId = new ShardedMap<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<String>> byStore = new ConcurrentHashMap<>();
    private final ShardedMap<String, String> openCodes = new ShardedMap<>();

    Optional<Kiosk> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The kiosk behind an account id.
     *
     * @param uid e.g. {@code kiosk-4f2a…}
     * @return the kiosk, if the uid names one
     */
    Optional<Kiosk> byUid(String uid) {
        return uid.startsWith(Kiosk.UID_PREFIX) ? find(uid.substring(Kiosk.UID_PREFIX.length())) : Optional.empty();
    }

    /**
     * Whether an account is an enrolled kiosk that was not revoked.
     *
     * @param uid the account
     * @return whether it may act as a kiosk
     */
    public boolean active(String uid) {
        return byUid(uid).map(Kiosk::active).orElse(false);
    }

    /**
     * The claims of an active kiosk's ID tokens (the embedded default's dev sign-in issues them).
     *
     * @param uid the kiosk's account
     * @return role, store and touchpoint; empty unless the kiosk is enrolled and not revoked
     */
    public Optional<java.util.Map<String, Object>> tokenClaims(String uid) {
        return byUid(uid).filter(Kiosk::active).map(KioskService::claims);
    }

    Optional<Kiosk> byCodeHash(String hash) {
        return Optional.ofNullable(openCodes.get(hash)).flatMap(this::find);
    }

    List<Kiosk> ofStore(String storeId) {
        List<String> ids = byStore.get(storeId);
        return ids == null ? List.of() : ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    List<Kiosk> all() {
        List<Kiosk> all = new ArrayList<>();
        byStore.keySet().stream().sorted().forEach(store -> all.addAll(ofStore(store)));
        return all;
    }

    void add(Kiosk kiosk, String codeHash, Transaction tx) {
        byId.put(kiosk.id(), kiosk, tx);
        openCodes.put(codeHash, kiosk.id(), tx);
        CopyOnWriteArrayList<String> ids = byStore.get(kiosk.storeId());
        if (ids == null) {
            ids = new CopyOnWriteArrayList<>();
            byStore.put(kiosk.storeId(), ids);
            tx.store(byStore);
        }
        ids.add(kiosk.id());
        tx.store(ids);
    }

    void replace(Kiosk kiosk, Transaction tx) {
        byId.put(kiosk.id(), kiosk, tx);
    }

    void closeCode(String codeHash, Transaction tx) {
        openCodes.remove(codeHash, tx);
    }
}
