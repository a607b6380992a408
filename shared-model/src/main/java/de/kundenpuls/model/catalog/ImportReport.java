package de.kundenpuls.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a catalog CSV import: valid rows are stored together, every rejected row is
 * listed with its reason.
 *
 * @param imported number of products stored (new or replaced)
 * @param rejected the rows that were not stored
 */
public record ImportReport(int imported, List<RejectedRow> rejected) {

    /** Copies the list. */
    public ImportReport {
        rejected = Collections.unmodifiableList(new ArrayList<>(rejected == null ? List.of() : rejected));
    }

    /**
     * A row that was not imported.
     *
     * @param row    the line number in the file (the header is line 1)
     * @param field  the column that is wrong
     * @param reason what is wrong
     */
    public record RejectedRow(int row, String field, String reason) {
    }
}
