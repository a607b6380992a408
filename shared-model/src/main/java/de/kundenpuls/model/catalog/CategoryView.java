package de.kundenpuls.model.catalog;

import java.util.Map;

/**
 * A product category.
 *
 * @param id    stable id, e.g. {@code dairy}
 * @param name  name in the requested language
 * @param names name per language
 */
public record CategoryView(String id, String name, Map<String, String> names) {
}
