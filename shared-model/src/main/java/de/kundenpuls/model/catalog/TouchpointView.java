package de.kundenpuls.model.catalog;

import java.util.Map;

/**
 * A stage of the customer journey in a store.
 *
 * @param id    stable id, e.g. {@code fitting-room}
 * @param name  name in the requested language
 * @param names name per language
 */
public record TouchpointView(String id, String name, Map<String, String> names) {
}
