package de.kundenpuls.server.storage;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The root of the stored object graph: one container per feature, by feature name.
 *
 * <p>Features register their container on start ({@link Storage#container}); keeping them in a
 * map rather than in fields lets a feature add its container without a type change of the root,
 * which older data directories would otherwise have to be migrated for.
 */
public final class DataRoot {

    private final ConcurrentHashMap<String, Object> containers = new ConcurrentHashMap<>();

    ConcurrentHashMap<String, Object> containers() {
        return containers;
    }
}
