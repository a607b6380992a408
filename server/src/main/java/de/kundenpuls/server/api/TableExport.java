package de.kundenpuls.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import de.kundenpuls.model.ProblemCode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table sent as a download, CSV or XLSX ({@code ?format=}). A text that a spreadsheet would take
 * for a formula ({@code = + - @}, tab or carriage return first) gets a leading apostrophe: a
 * comment such as {@code =HYPERLINK(…)} must stay text on the marketer's machine (CSV injection).
 *
 * @param header the column names
 * @param rows   the rows: texts, numbers, instants or null
 */
public record TableExport(List<String> header, List<List<Object>> rows) {

    private static final HttpMediaType CSV = HttpMediaType.create("text/csv; charset=UTF-8");
    private static final HttpMediaType XLSX = HttpMediaType.create("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The formats a request may ask for. */
    public enum Format { CSV, XLSX }

    /**
     * @param req the request
     * @return its {@code format}: {@code csv} (the default) or {@code xlsx}
     */
    public static Format format(ServerRequest req) {
        String raw = req.query().first("format").orElse("csv");
        return switch (raw) {
            case "csv" -> Format.CSV;
            case "xlsx" -> Format.XLSX;
            default -> throw ApiException.badRequest("format", ProblemCode.NOT_ONE_OF, "csv, xlsx");
        };
    }

    /**
     * Sends the table as an attachment.
     *
     * @param res    the response
     * @param format CSV or XLSX
     * @param name   the file name without extension
     */
    public void send(ServerResponse res, Format format, String name) {
        byte[] bytes = format == Format.CSV ? csv() : xlsx();
        res.headers().contentType(format == Format.CSV ? CSV : XLSX);
        res.headers().set(HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name + (format == Format.CSV ? ".csv" : ".xlsx") + "\"");
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(bytes);
    }

    /**
     * @param value a cell's text
     * @return the text, with an apostrophe in front when a spreadsheet would read it as a formula
     */
    static String safe(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A byte order mark, so that Excel opens the UTF-8 umlauts right.
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(v -> v == null ? "" : v instanceof String s ? safe(s) : v.toString()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Kundenpuls", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Kundenpuls");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    switch (v) {
                        case null -> { }
                        case Number n -> sheet.value(r + 1, c, n);
                        case Instant at -> sheet.value(r + 1, c, at.toString());
                        case String s -> sheet.value(r + 1, c, safe(s));
                        default -> sheet.value(r + 1, c, safe(v.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
