package de.kundenpuls.server.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.Message;
import de.kundenpuls.model.Money;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.server.api.ApiException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses and validates a catalog CSV row by row. Columns (header row required):
 * {@code gtin,name_de,name_en,brand,category,price,currency,description_de,description_en,attributes,attributes_en,stock};
 * {@code attributes} (German, or both languages) and {@code attributes_en} are {@code key=value;key=value}, {@code stock} is {@code storeId=qty;storeId=qty}.
 * A row with any wrong field is rejected as a whole and reported; valid rows are returned to be
 * stored together.
 */
public final class CatalogImport {

    static final List<String> REQUIRED = List.of("gtin", "name_de", "brand", "category", "price");
    static final List<String> COLUMNS = List.of("gtin", "name_de", "name_en", "brand", "category", "price", "currency",
            "description_de", "description_en", "attributes", "attributes_en", "stock");
    private static final int MAX_ROWS = 100_000;

    private CatalogImport() {
    }

    record Parsed(List<Product> valid, List<Rejected> rejected) {
    }

    /** A row that was not imported, and why, to be worded in the reader's language. */
    record Rejected(int row, String field, Message reason) {
    }

    /**
     * The products of a CSV file in which every row is valid, e.g. a seed shipped with a build.
     *
     * @param bytes   the file, UTF-8
     * @param catalog the catalog whose categories and stores the rows name
     * @return the products
     * @throws IllegalArgumentException naming the first rejected row, if any is
     */
    public static List<Product> products(byte[] bytes, Catalog catalog) {
        Parsed parsed = parse(bytes, catalog);
        if (!parsed.rejected().isEmpty()) {
            Rejected first = parsed.rejected().getFirst();
            throw new IllegalArgumentException(parsed.rejected().size() + " rows rejected, the first: row " + first.row()
                    + ", " + first.field() + ": " + first.reason());
        }
        return parsed.valid();
    }

    static Parsed parse(byte[] bytes, Catalog catalog) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<Product> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : header.keySet()) {
                if (!COLUMNS.contains(column)) {
                    throw ApiException.badRequest(column, ProblemCode.CSV_UNKNOWN_COLUMN, column, String.join(", ", COLUMNS));
                }
            }
            for (String column : REQUIRED) {
                if (!header.containsKey(column)) {
                    throw ApiException.badRequest(column, ProblemCode.CSV_MISSING_COLUMN, column);
                }
            }
            int count = 0;
            var iterator = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw ApiException.badRequest("body",
                            ProblemCode.CSV_UNBALANCED, parser.getCurrentLineNumber() + 1);
                }
                if (++count > MAX_ROWS) {
                    throw ApiException.badRequest(null, ProblemCode.CSV_TOO_MANY_ROWS, MAX_ROWS);
                }
                int row = (int) record.getRecordNumber() + 1;
                try {
                    Product product = row(record, catalog);
                    if (!seen.add(product.gtin().value())) {
                        rejected.add(new Rejected(row, "gtin", Message.of(ProblemCode.CSV_DUPLICATE_GTIN, product.gtin().value())));
                        continue;
                    }
                    valid.add(product);
                } catch (RowException e) {
                    rejected.add(new Rejected(row, e.field, e.reason));
                }
            }
        } catch (IOException e) {
            throw ApiException.badRequest(null, ProblemCode.CSV_UNREADABLE);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw ApiException.badRequest(null, ProblemCode.CSV_MALFORMED, e.getMessage());
        }
        return new Parsed(valid, rejected);
    }

    private static Product row(CSVRecord r, Catalog catalog) {
        if (!r.isConsistent()) {
            throw new RowException("row", ProblemCode.CSV_FIELD_COUNT, r.size(), r.getParser().getHeaderNames().size());
        }
        Gtin gtin;
        try {
            gtin = Gtin.of(get(r, "gtin"));
        } catch (InvalidFieldException e) {
            throw new RowException("gtin", e.message());
        }
        String nameDe = required(r, "name_de", 200);
        String nameEn = optional(r, "name_en", 200);
        String brand = required(r, "brand", 100);
        String category = required(r, "category", 50);
        if (!catalog.categories().containsKey(category)) {
            throw new RowException("category", ProblemCode.CSV_UNKNOWN_CATEGORY, category,
                    String.join(", ", new java.util.TreeSet<>(catalog.categories().keySet())));
        }
        String currency = optional(r, "currency", 3);
        Money price;
        try {
            price = new Money(new BigDecimal(required(r, "price", 20).replace(',', '.')), currency == null ? "EUR" : currency.toUpperCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new RowException("price", ProblemCode.NOT_A_NUMBER);
        } catch (InvalidFieldException e) {
            throw new RowException(e.field().equals("amount") ? "price" : "currency", e.message());
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("de", nameDe);
        names.put("en", nameEn == null ? nameDe : nameEn);
        Map<String, String> descriptions = new LinkedHashMap<>();
        String descDe = optional(r, "description_de", 2000);
        String descEn = optional(r, "description_en", 2000);
        if (descDe != null) {
            descriptions.put("de", descDe);
        }
        if (descEn != null || descDe != null) {
            descriptions.put("en", descEn == null ? descDe : descEn);
        }
        Map<String, String> attributes = pairs(r, "attributes");
        // attributes_en, when given, holds the English names and values; else both languages share one list.
        Map<String, String> attributesEn = r.isMapped("attributes_en") && optional(r, "attributes_en", 4000) != null
                ? pairs(r, "attributes_en") : attributes;
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs(r, "stock").entrySet()) {
            if (catalog.store(e.getKey()).isEmpty()) {
                throw new RowException("stock", ProblemCode.UNKNOWN_STORE, e.getKey());
            }
            try {
                int qty = Integer.parseInt(e.getValue());
                if (qty < 0) {
                    throw new RowException("stock", ProblemCode.CSV_NEGATIVE_QUANTITY, e.getKey());
                }
                stock.put(e.getKey(), qty);
            } catch (NumberFormatException ex) {
                throw new RowException("stock", ProblemCode.CSV_QUANTITY_NOT_WHOLE, e.getKey());
            }
        }
        return new Product(gtin, names, brand, category, price, descriptions, Map.of("de", attributes, "en", attributesEn), stock);
    }

    private static Map<String, String> pairs(CSVRecord r, String column) {
        String raw = optional(r, column, 4000);
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        for (String part : raw.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new RowException(column, ProblemCode.CSV_NOT_KEY_VALUE, part.strip());
            }
            map.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return map;
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
    }

    private static String required(CSVRecord r, String column, int max) {
        String value = optional(r, column, max);
        if (value == null) {
            throw new RowException(column, ProblemCode.REQUIRED);
        }
        return value;
    }

    private static String optional(CSVRecord r, String column, int max) {
        String value = get(r, column);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new RowException(column, ProblemCode.TOO_LONG, max);
        }
        return value.strip();
    }

    /** A wrong field in one row. */
    private static final class RowException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final transient Message reason;

        RowException(String field, ProblemCode code, Object... args) {
            this(field, Message.of(code, args));
        }

        RowException(String field, Message reason) {
            super(reason.english(), null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }
}
