package de.kundenpuls.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the whole role × endpoint matrix over real HTTP: every endpoint is called by an
 * anonymous caller and by each role; callers outside the endpoint's roles get 401 (anonymous) or
 * 403, callers inside never do. Staff and the enrolled kiosk are bound to {@value #STORE};
 * endpoints of another store are checked to refuse them.
 */
class RoleMatrixTest {

    static final String STORE = "berlin-mitte";
    static final String OTHER_STORE = "hamburg-altona";

    @TempDir
    static Path dir;

    private static TestServer server;
    private static Map<Caller, KundenpulsClient> clients;

    /** Who calls. */
    enum Caller { ANONYMOUS, SHOPPER, STAFF, MARKETER, ADMIN, KIOSK }

    private static final Set<Caller> ANYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SHOPPER = EnumSet.of(Caller.SHOPPER);
    private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
    private static final Set<Caller> MARKETING = EnumSet.of(Caller.MARKETER, Caller.ADMIN);
    private static final Set<Caller> STORE_STAFF = EnumSet.of(Caller.STAFF, Caller.ADMIN);
    private static final Set<Caller> INSIGHT = EnumSet.of(Caller.STAFF, Caller.MARKETER, Caller.ADMIN);

    /**
     * One endpoint and who may call it.
     *
     * @param method  HTTP method
     * @param path    path with query
     * @param body    JSON body or null
     * @param allowed callers that must not get 401/403
     */
    record Endpoint(String method, String path, String body, Set<Caller> allowed) {
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        // Catalog (public reads, admin import)
        e.add(new Endpoint("GET", "/api/products?q=milch", null, ANYONE));
        e.add(new Endpoint("GET", "/api/products/4013456000018", null, ANYONE));
        e.add(new Endpoint("GET", "/api/categories", null, ANYONE));
        e.add(new Endpoint("GET", "/api/stores", null, ANYONE));
        e.add(new Endpoint("GET", "/api/stores/" + STORE + "/touchpoints", null, ANYONE));
        e.add(new Endpoint("POST", "/api/products/import", null, ADMIN));
        e.add(new Endpoint("PUT", "/api/stores/matrix-store", "{}", ADMIN));
        // Feedback, surveys, cases, analytics
        e.add(new Endpoint("POST", "/api/feedback/batch", "{\"items\":[]}", EnumSet.of(Caller.SHOPPER, Caller.STAFF, Caller.KIOSK)));
        e.add(new Endpoint("GET", "/api/surveys/active?storeId=" + STORE, null, ANYONE));
        e.add(new Endpoint("GET", "/api/surveys", null, MARKETING));
        e.add(new Endpoint("POST", "/api/surveys", "{}", MARKETING));
        e.add(new Endpoint("GET", "/api/surveys/unknown", null, MARKETING));
        e.add(new Endpoint("PUT", "/api/surveys/unknown", "{}", MARKETING));
        e.add(new Endpoint("GET", "/api/surveys/unknown/versions/1", null, ANYONE));
        e.add(new Endpoint("GET", "/api/cases", null, STORE_STAFF));
        e.add(new Endpoint("GET", "/api/cases/" + java.util.UUID.randomUUID(), null, STORE_STAFF));
        e.add(new Endpoint("POST", "/api/cases/" + java.util.UUID.randomUUID() + "/take", null, STORE_STAFF));
        e.add(new Endpoint("POST", "/api/cases/" + java.util.UUID.randomUUID() + "/replies", "{\"text\":\"x\"}", STORE_STAFF));
        e.add(new Endpoint("POST", "/api/cases/" + java.util.UUID.randomUUID() + "/close", null, STORE_STAFF));
        e.add(new Endpoint("GET", "/api/me/inbox", null, SHOPPER));
        e.add(new Endpoint("POST", "/api/me/inbox/" + java.util.UUID.randomUUID() + "/replies", "{\"text\":\"x\"}", SHOPPER));
        e.add(new Endpoint("GET", "/api/analytics/scores", null, INSIGHT));
        e.add(new Endpoint("GET", "/api/analytics/scores?storeId=" + OTHER_STORE, null, EnumSet.of(Caller.MARKETER, Caller.ADMIN)));
        e.add(new Endpoint("GET", "/api/analytics/alerts", null, INSIGHT));
        // Offers, recovery, campaigns
        e.add(new Endpoint("GET", "/api/offers", null, MARKETING));
        e.add(new Endpoint("POST", "/api/offers", "{}", MARKETING));
        e.add(new Endpoint("GET", "/api/offers/unknown", null, MARKETING));
        e.add(new Endpoint("PUT", "/api/offers/unknown", "{}", MARKETING));
        e.add(new Endpoint("POST", "/api/offers/redeem", "{\"code\":\"2900000000000\"}", STORE_STAFF));
        e.add(new Endpoint("GET", "/api/me/offers", null, SHOPPER));
        e.add(new Endpoint("POST", "/api/me/scans", "{\"gtin\":\"4013456000018\"}", SHOPPER));
        e.add(new Endpoint("PUT", "/api/recovery/settings/" + STORE, "{\"offerId\":\"none\"}", MARKETING));
        e.add(new Endpoint("GET", "/api/recovery/stats", null, INSIGHT));
        e.add(new Endpoint("GET", "/api/campaigns", null, MARKETING));
        e.add(new Endpoint("POST", "/api/campaigns", "{}", MARKETING));
        e.add(new Endpoint("GET", "/api/campaigns/unknown", null, MARKETING));
        e.add(new Endpoint("POST", "/api/campaigns/preview", "{}", MARKETING));
        e.add(new Endpoint("GET", "/api/campaigns/unknown/preview", null, MARKETING));
        e.add(new Endpoint("POST", "/api/campaigns/unknown/send", null, MARKETING));
        e.add(new Endpoint("POST", "/api/me/push-events", "{\"campaignId\":\"unknown\",\"event\":\"opened\"}", SHOPPER));
        // Profile and privacy
        e.add(new Endpoint("GET", "/api/me", null, SHOPPER));
        e.add(new Endpoint("PATCH", "/api/me", "{\"locale\":\"de\"}", SHOPPER));
        e.add(new Endpoint("PUT", "/api/me/consents", "{\"contact\":true}", SHOPPER));
        e.add(new Endpoint("POST", "/api/me/devices", "{\"token\":\"t\",\"platform\":\"android\",\"locale\":\"de\"}", SHOPPER));
        e.add(new Endpoint("GET", "/api/me/export", null, SHOPPER));
        e.add(new Endpoint("GET", "/api/admin/profiles/nobody/export", null, ADMIN));
        e.add(new Endpoint("DELETE", "/api/admin/profiles/nobody", null, ADMIN));
        e.add(new Endpoint("GET", "/api/admin/audit", null, ADMIN));
        // Kiosks
        e.add(new Endpoint("POST", "/api/kiosks", "{}", STORE_STAFF));
        e.add(new Endpoint("GET", "/api/kiosks", null, STORE_STAFF));
        e.add(new Endpoint("POST", "/api/kiosks/unknown/revoke", null, ADMIN));
        e.add(new Endpoint("POST", "/api/kiosks/enrollments", "{\"code\":\"AAAAA-AAAAA\"}", ANYONE));
        e.add(new Endpoint("POST", "/api/kiosks/me/contact", "{\"appVersion\":\"1.0\",\"backlog\":0}", EnumSet.of(Caller.KIOSK)));
        return e;
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, Map.of("catalog.seed-demo", "true"));
        clients = new LinkedHashMap<>();
        clients.put(Caller.ANONYMOUS, server.client());
        clients.put(Caller.SHOPPER, server.as("shopper"));
        clients.put(Caller.STAFF, server.staff(STORE));
        clients.put(Caller.MARKETER, server.as("marketer"));
        clients.put(Caller.ADMIN, server.as("admin"));
        clients.put(Caller.KIOSK, server.kiosk(STORE, "checkout"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    List<DynamicTest> everyRoleOnEveryEndpoint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(caller + " " + endpoint.method() + " " + endpoint.path(), () -> {
                    HttpResponse<byte[]> response = clients.get(caller).exchange(endpoint.method(), endpoint.path(),
                            endpoint.body() == null ? null : endpoint.body().getBytes(StandardCharsets.UTF_8), "application/json");
                    int status = response.statusCode();
                    String body = new String(response.body(), StandardCharsets.UTF_8);
                    // Whoever the caller and whatever the (often empty) body: never a server error.
                    assertThat(status).as("no 5xx: %s", body).isLessThan(500);
                    if (endpoint.allowed().contains(caller)) {
                        assertThat(status).as(body).isNotIn(401, 403);
                    } else if (caller == Caller.ANONYMOUS) {
                        assertThat(status).as(body).isEqualTo(401);
                    } else {
                        assertThat(status).as(body).isEqualTo(403);
                    }
                    if (status >= 400) {
                        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    }
                }));
            }
        }
        return tests;
    }
}
