package de.kundenpuls.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.catalog.ImportReport;
import de.kundenpuls.model.catalog.ProductPage;
import de.kundenpuls.model.catalog.ProductView;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.catalog.TouchpointView;
import de.kundenpuls.model.client.ApiException;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog over real HTTP with the demo catalog seeded into a real data directory. */
class CatalogApiTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest(Map.of("catalog.seed-demo", "true"));
    private KundenpulsClient anonymous;

    @BeforeEach
    void start() {
        anonymous = server.client();
    }

    @Test
    void demoCatalogIsRealisticAndSeededOnce() {
        ProductPage all = anonymous.catalog().search(null, null, null, 0, "de");
        assertThat(all.total()).isGreaterThanOrEqualTo(300);
        assertThat(anonymous.catalog().categories("en")).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(c -> assertThat(c.names()).containsKeys("de", "en"));
        List<StoreView> stores = anonymous.catalog().stores();
        assertThat(stores).hasSizeGreaterThanOrEqualTo(3).allSatisfy(s -> {
            assertThat(s.timeZone()).startsWith("Europe/");
            assertThat(s.city()).isNotBlank();
        });
        List<TouchpointView> touchpoints = anonymous.catalog().touchpoints("berlin-mitte", "en");
        assertThat(touchpoints).extracting(TouchpointView::id)
                .containsExactly("entrance", "shelf", "fitting-room", "checkout", "service-desk", "app");
        assertThat(touchpoints.get(2).name()).isEqualTo("Fitting room");
        assertThat(touchpoints.get(2).names()).containsEntry("de", "Umkleide");

        // Every demo GTIN is valid and unique, and all three symbologies occur.
        Set<String> codes = new HashSet<>();
        for (int page = 0; page * 100 < all.total(); page++) {
            ProductPage p = server.client().get("/api/products?size=100&page=" + page, ProductPage.class);
            p.items().forEach(item -> codes.add(item.gtin().value()));
        }
        assertThat(codes).hasSize(all.total()).allSatisfy(code -> assertThat(Gtin.isValid(code)).isTrue());
        assertThat(codes).anySatisfy(c -> assertThat(c).hasSize(8))
                .anySatisfy(c -> assertThat(c).hasSize(12))
                .anySatisfy(c -> assertThat(c).hasSize(13));

        server.restart();
        assertThat(server.client().catalog().search(null, null, null, 0, "de").total()).isEqualTo(all.total());
    }

    @Test
    void lookupShowsEverythingAShopperNeedsInTheirLanguage() {
        ProductView first = anonymous.catalog().search("milch", "dairy", null, 0, "de").items().get(0);
        ProductView de = anonymous.catalog().product(first.gtin().value(), "de");
        ProductView en = anonymous.catalog().product(first.gtin().value(), "en");
        assertThat(de.name()).contains("Vollmilch");
        assertThat(en.name()).contains("whole milk");
        assertThat(de.brand()).isNotBlank();
        assertThat(de.category()).isEqualTo("dairy");
        assertThat(de.price().currency()).isEqualTo("EUR");
        assertThat(de.price().amount()).isPositive();
        assertThat(de.description()).isNotBlank();
        assertThat(de.attributes()).containsKeys("Marke", "Inhalt", "Fettgehalt");
        assertThat(en.attributes()).containsKeys("Brand", "Content", "Fat");
        assertThat(de.stock()).extracting(ProductView.StockLevel::storeId).contains("berlin-mitte", "hamburg-altona");
    }

    @Test
    void malformedOrUnknownCodesGetProblems() {
        assertProblem(() -> anonymous.catalog().product("4006381333932", "de"), 400, "gtin", "check digit");
        assertProblem(() -> anonymous.catalog().product("40063813339AB", "de"), 400, "gtin", "digits");
        assertProblem(() -> anonymous.catalog().product("12345", "de"), 400, "gtin", "8");
        assertProblem(() -> anonymous.catalog().product("4006381333931", "de"), 404, "gtin", "4006381333931");
        assertProblem(() -> anonymous.catalog().product("4006381333931", "fr"), 400, "lang", "one of de, en");
    }

    @Test
    void searchFiltersAndPages() {
        ProductPage shoes = anonymous.catalog().search(null, "shoes", null, 0, "en");
        assertThat(shoes.total()).isEqualTo(32);
        assertThat(shoes.items()).hasSize(20).allSatisfy(p -> assertThat(p.category()).isEqualTo("shoes"));
        ProductPage second = anonymous.catalog().search(null, "shoes", null, 1, "en");
        assertThat(second.items()).hasSize(12);
        assertThat(second.items()).doesNotContainAnyElementsOf(shoes.items());

        ProductPage inStock = anonymous.catalog().search(null, null, "wien-neubau", 0, "de");
        assertThat(inStock.total()).isPositive().isLessThan(anonymous.catalog().search(null, null, null, 0, "de").total());
        assertThat(inStock.items()).allSatisfy(p -> assertThat(p.stock())
                .anySatisfy(s -> {
                    assertThat(s.storeId()).isEqualTo("wien-neubau");
                    assertThat(s.quantity()).isPositive();
                }));

        assertThat(anonymous.catalog().search("ADIDAS", null, null, 0, "de").items())
                .isNotEmpty().allSatisfy(p -> assertThat(p.brand()).isEqualTo("Adidas"));

        assertProblem(() -> anonymous.get("/api/products?page=-1", ProductPage.class), 400, "page", "between");
        assertProblem(() -> anonymous.get("/api/products?size=1000", ProductPage.class), 400, "size", "between");
        assertProblem(() -> anonymous.get("/api/products?category=toys", ProductPage.class), 400, "category", "toys");
        assertProblem(() -> anonymous.catalog().touchpoints("paris", "de"), 404, "id", "paris");
    }

    @Test
    void importStoresValidRowsTogetherAndReportsEveryRejectedRow() {
        String existing = anonymous.catalog().search(null, "bakery", null, 0, "de").items().get(0).gtin().value();
        String csv = """
                gtin,name_de,name_en,brand,category,price,currency,description_de,description_en,attributes,stock
                4012345000016,Hafermilch Barista,Oat milk barista,Oatly,dairy,2.49,EUR,Für Milchschaum,For milk foam,Inhalt=1 l;Vegan=ja,berlin-mitte=12;wien-neubau=3
                4012345000023,Dinkelmehl Type 630,Spelt flour type 630,Bauckhof,bakery,"2,19",,,,,berlin-mitte=5
                4012345000024,Falsche Prüfziffer,Wrong check digit,X,dairy,1.00,EUR,,,,
                4012345000030,Ohne Preis,No price,X,dairy,,EUR,,,,
                4012345000047,Unbekannte Kategorie,Unknown category,X,toys,1.00,EUR,,,,
                4012345000054,Unbekannter Markt,Unknown store,X,dairy,1.00,EUR,,,,paris=3
                4012345000016,Doppelt,Duplicate,X,dairy,1.00,EUR,,,,
                %s,Ersetztes Brot,Replaced bread,Neu,bakery,3.33,EUR,,,,
                """.formatted(existing);
        KundenpulsClient admin = server.as("admin");
        ImportReport report = admin.catalog().importCsv(csv);
        assertThat(report.imported()).as(report.toString()).isEqualTo(3);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(4, 5, 6, 7, 8);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::field)
                .containsExactly("gtin", "price", "category", "stock", "gtin");
        assertThat(report.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());

        server.restart();
        ProductView oat = server.client().catalog().product("4012345000016", "en");
        assertThat(oat.name()).isEqualTo("Oat milk barista");
        assertThat(oat.attributes()).containsEntry("Vegan", "ja");
        assertThat(oat.stock()).contains(new ProductView.StockLevel("berlin-mitte", 12));
        assertThat(server.client().catalog().product("4012345000023", "de").price().amount()).isEqualByComparingTo("2.19");
        assertThat(server.client().catalog().product(existing, "de").name()).isEqualTo("Ersetztes Brot");
        assertProblem(() -> server.client().catalog().product("4012345000054", "de"), 404, "gtin", "4012345000054");
    }

    @Test
    void catalogResponsesCarryAnETagAndAnUnchangedOneIsA304WithoutBody() {
        for (String path : List.of("/api/stores", "/api/products?storeId=berlin-mitte&size=100", "/api/products/4013456000018",
                "/api/categories", "/api/stores/berlin-mitte/touchpoints")) {
            var first = server.client().getIfChanged(path, null);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            var again = server.client().getIfChanged(path, etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(server.client().getIfChanged(path, "\"something-else\"").statusCode()).as(path).isEqualTo(200);
        }
        // A change gives a new ETag: the kept copy is fetched again.
        String stores = server.client().getIfChanged("/api/stores", null).headers().firstValue("ETag").orElseThrow();
        server.as("admin").send("PUT", "/api/stores/koeln-ehrenfeld", Map.of("name", "Kundenpuls Köln", "city", "Köln",
                "timeZone", "Europe/Berlin", "touchpoints", List.of("entrance")), StoreView.class);
        var changed = server.client().getIfChanged("/api/stores", stores);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(new String(changed.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("koeln-ehrenfeld");
    }

    @Test
    void adminsCreateAndChangeStoresWithValidTouchpointsAndZones() {
        KundenpulsClient admin = server.as("admin");
        Map<String, Object> body = Map.of("name", "Kundenpuls Köln Ehrenfeld", "city", "Köln", "timeZone", "Europe/Berlin",
                "touchpoints", List.of("entrance", "checkout", "app"));
        admin.send("PUT", "/api/stores/koeln-ehrenfeld", body, StoreView.class);
        assertThat(anonymous.catalog().touchpoints("koeln-ehrenfeld", "en")).extracting(TouchpointView::id)
                .containsExactly("entrance", "checkout", "app");
        assertProblem(() -> admin.send("PUT", "/api/stores/koeln-ehrenfeld", Map.of("name", "X", "city", "Y", "timeZone",
                "Mars/Olympus", "touchpoints", List.of("app")), StoreView.class), 400, "timeZone", "time zone");
        assertProblem(() -> admin.send("PUT", "/api/stores/koeln-ehrenfeld", Map.of("name", "X", "city", "Y", "timeZone",
                "Europe/Berlin", "touchpoints", List.of("roof")), StoreView.class), 400, "touchpoints[0]", "roof");
        assertProblem(() -> server.as("marketer").send("PUT", "/api/stores/koeln-ehrenfeld", body, StoreView.class), 403, null,
                "marketer");
        server.restart();
        assertThat(server.client().catalog().stores()).extracting(StoreView::id).contains("koeln-ehrenfeld");
    }

    @Test
    void malformedCsvStoresNothingAndOnlyAdminsMayImport() {
        KundenpulsClient admin = server.as("admin");
        int before = anonymous.catalog().search(null, null, null, 0, "de").total();
        String broken = "gtin,name_de,brand,category,price\n4012345000017,\"Hafermilch,Oatly,dairy,2.49\n";
        assertProblem(() -> admin.catalog().importCsv(broken), 400, "body", "malformed");
        assertProblem(() -> admin.catalog().importCsv("gtin,name_de,brand,category\n4012345000017,x,y,dairy\n"), 400,
                "price", "price");
        assertThat(anonymous.catalog().search(null, null, null, 0, "de").total()).isEqualTo(before);

        String csv = "gtin,name_de,brand,category,price\n4012345000017,Hafermilch,Oatly,dairy,2.49\n";
        assertProblem(() -> anonymous.catalog().importCsv(csv), 401, "Authorization", "token");
        assertProblem(() -> server.as("marketer").catalog().importCsv(csv), 403, null, "marketer");
        assertProblem(() -> server.staff("berlin-mitte").catalog().importCsv(csv), 403, null, "staff");
    }

    private static void assertProblem(Runnable call, int status, String field, String detailPart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.problem().field()).isEqualTo(field);
            assertThat(e.problem().detail()).containsIgnoringCase(detailPart);
        });
    }
}
