package de.kundenpuls.server.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.catalog.ImportReport;
import de.kundenpuls.model.catalog.ProductPage;
import de.kundenpuls.model.catalog.ProductView;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.InvalidRequestException;
import de.kundenpuls.server.api.Json;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.QueryParams;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.privacy.AuditLog;
import de.kundenpuls.server.privacy.AuditNote;
import de.kundenpuls.server.privacy.AuditTrail;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Products: lookup by GTIN, search, and the CSV import for admins. Lookup and search are public:
 * a shopper scans before (or without) signing in.
 *
 * <pre>
 * curl http://localhost:8080/api/products/4001234500016?lang=en
 * curl 'http://localhost:8080/api/products?q=milch&amp;storeId=berlin-mitte'
 * curl -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/csv' --data-binary @catalog.csv \
 *      http://localhost:8080/api/products/import
 * </pre>
 */
public final class ProductService implements HttpService {

    private static final int MAX_PAGE_SIZE = 100;

    private final Access access;
    private final Catalog catalog;
    private final StorageWriter writer;
    private final AuditTrail audit;
    private final Clock clock;
    // The serialized answer per product and language: lookups are the hottest path of the app.
    private final ConcurrentHashMap<String, byte[]> lookupCache = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param catalog the catalog
     * @param writer  the storage writer
     * @param audit   the audit log (imports are recorded)
     * @param clock   the clock
     */
    public ProductService(Access access, Catalog catalog, StorageWriter writer, AuditTrail audit, Clock clock) {
        this.access = access;
        this.catalog = catalog;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", access.anyone((c, req, res) -> search(req, res)))
                .post("/import", access.allow(this::importCsv, Role.ADMIN))
                .get("/{gtin}", access.anyone((c, req, res) -> lookup(req, res)));
    }

    private void lookup(ServerRequest req, ServerResponse res) {
        String code = req.path().pathParameters().get("gtin");
        String lang = Languages.of(req);
        byte[] cached = lookupCache.get(code + '/' + lang);
        if (cached == null) {
            Gtin gtin;
            try {
                gtin = Gtin.of(code);
            } catch (InvalidFieldException e) {
                throw new InvalidRequestException("gtin", e.message());
            }
            Product product = catalog.product(gtin.value())
                    .orElseThrow(() -> ApiException.notFound("gtin", ProblemCode.NO_PRODUCT, gtin.value()));
            try {
                cached = Json.mapper().writeValueAsBytes(CatalogViews.product(product, lang));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            lookupCache.put(code + '/' + lang, cached);
        }
        Responses.revalidated(req, res, cached);
    }

    private void search(ServerRequest req, ServerResponse res) {
        String lang = Languages.of(req);
        int page = QueryParams.wholeNumber(req, "page", 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.wholeNumber(req, "size", 20, 1, MAX_PAGE_SIZE);
        String q = req.query().first("q").map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse(null);
        String category = req.query().first("category").filter(s -> !s.isBlank()).orElse(null);
        if (category != null && !catalog.categories().containsKey(category)) {
            throw ApiException.badRequest("category", ProblemCode.UNKNOWN_CATEGORY, category);
        }
        String storeId = req.query().first("storeId").filter(s -> !s.isBlank()).orElse(null);
        if (storeId != null && catalog.store(storeId).isEmpty()) {
            throw ApiException.badRequest("storeId", ProblemCode.UNKNOWN_STORE, storeId);
        }
        List<Product> matches = catalog.products().stream()
                .filter(p -> category == null || p.category().equals(category))
                .filter(p -> storeId == null || p.stock().getOrDefault(storeId, 0) > 0)
                .filter(p -> q == null || matches(p, q))
                .sorted(Comparator.comparing(Product::category).thenComparing(p -> p.name(lang)).thenComparing(Product::brand))
                .toList();
        int from = (int) Math.min((long) page * size, matches.size());
        int to = Math.min(from + size, matches.size());
        List<ProductView> items = matches.subList(from, to).stream().map(p -> CatalogViews.product(p, lang)).toList();
        Responses.revalidated(req, res, new ProductPage(items, matches.size(), page, size));
    }

    private static boolean matches(Product p, String q) {
        if (p.gtin().value().contains(q) || p.brand().toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        for (String name : p.names().values()) {
            if (name.toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return false;
    }

    private void importCsv(Caller caller, ServerRequest req, ServerResponse res) {
        byte[] csv = JsonBody.bytes(req, "text/csv");
        CatalogImport.Parsed parsed = CatalogImport.parse(csv, catalog);
        int imported = writer.write(tx -> {
            catalog.putProducts(parsed.valid(), tx);
            audit.record(new AuditLog.AuditEntry(Instant.now(clock), caller.uid(), "catalog.import", "catalog",
                    AuditNote.IMPORTED.stored(parsed.valid().size(), parsed.rejected().size())), tx);
            return parsed.valid().size();
        });
        lookupCache.clear();
        Locale reader = Languages.readerLocale(req);
        ImportReport report = new ImportReport(imported, parsed.rejected().stream()
                .map(r -> new ImportReport.RejectedRow(r.row(), r.field(), r.reason().text(reader))).toList());
        Responses.json(res, report);
    }
}
