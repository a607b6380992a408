package de.kundenpuls.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a product search.
 *
 * @param items the products on this page
 * @param total how many products match in all
 * @param page  the page number, from 0
 * @param size  the page size
 */
public record ProductPage(List<ProductView> items, int total, int page, int size) {

    /** Copies the list. */
    public ProductPage {
        items = Collections.unmodifiableList(new ArrayList<>(items == null ? List.of() : items));
    }
}
