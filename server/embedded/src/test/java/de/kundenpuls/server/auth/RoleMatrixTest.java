package de.kundenpuls.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.server.RouteTable;
import de.kundenpuls.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the whole role × endpoint matrix over real HTTP. The endpoints and who may call each are
 * read from the server's own routing ({@link RouteTable}), not from a copy kept here: a new route
 * is in the matrix the moment it is registered. Every route is called by an anonymous caller and
 * by a fresh identity of each role (a call may change or erase its caller); callers outside the
 * route's roles get 401 (anonymous) or 403, callers inside never do, and nobody gets a 5xx. Staff
 * and kiosks are bound to {@value #STORE}; a few calls about another store check that they are
 * refused there.
 */
class RoleMatrixTest {

    static final String STORE = "berlin-mitte";
    static final String OTHER_STORE = "hamburg-altona";

    /** Routes that are public by design and answered by a plain handler, not through {@link Access}. */
    private static final Set<String> PLAIN_PUBLIC = Set.of("GET /observe/health", "POST /api/dev/tokens", "GET /",
            "GET /api/console/sign-in", "GET /favicon.ico");

    @TempDir
    static Path dir;

    private static TestServer server;
    private static List<RouteTable.Route> routes;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Who calls. */
    enum Caller { ANONYMOUS, SHOPPER, STAFF, MARKETER, ADMIN, KIOSK }

    @BeforeAll
    static void start() {
        // Every kiosk of the matrix exchanges a code from 127.0.0.1: more than one address may in production.
        server = TestServer.start(dir, Map.of("catalog.seed-demo", "true", "kiosks.enrollment-limit.burst", "100000"));
        routes = RouteTable.of(server.server());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static KundenpulsClient fresh(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> server.client();
            case SHOPPER -> server.as("shopper");
            case STAFF -> server.staff(STORE);
            case MARKETER -> server.as("marketer");
            case ADMIN -> server.as("admin");
            case KIOSK -> server.kiosk(STORE, "checkout");
        };
    }

    private static Set<Caller> allowed(RouteTable.Route route) {
        if (route.roles() == null || route.roles().isEmpty()) {
            return EnumSet.allOf(Caller.class);
        }
        Set<Caller> callers = EnumSet.noneOf(Caller.class);
        route.roles().forEach(r -> callers.add(Caller.valueOf(r.name())));
        return callers;
    }

    @Test
    void theRoutingIsReadBackAndEveryRouteStatesWhoMayCallIt() {
        assertThat(routes).extracting(r -> r.method() + " " + r.path())
                .contains("POST /api/feedback/batch", "GET /api/cases/{id}", "POST /api/kiosks/{id}/revoke", "DELETE /api/me",
                        "GET /api/analytics/stream")
                .hasSizeGreaterThan(50);
        assertThat(routes).filteredOn(r -> !r.guarded())
                .extracting(r -> r.method() + " " + r.path())
                .as("routes without an access rule").isSubsetOf(PLAIN_PUBLIC);
    }

    @TestFactory
    List<DynamicTest> everyRoleOnEveryRoute() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RouteTable.Route route : routes) {
            String path = route.path().replaceAll("\\{[^}]+}", "unknown");
            String body = Set.of("POST", "PUT", "PATCH").contains(route.method()) ? "{}" : null;
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(caller + " " + route.method() + " " + route.path(),
                        () -> check(caller, route.method(), path, body, allowed(route))));
            }
        }
        // About another store: staff and kiosks of STORE are refused there.
        Set<Caller> insightElsewhere = EnumSet.of(Caller.MARKETER, Caller.ADMIN);
        for (Caller caller : Caller.values()) {
            tests.add(DynamicTest.dynamicTest(caller + " scores of another store", () -> check(caller, "GET",
                    "/api/analytics/scores?storeId=" + OTHER_STORE, null, insightElsewhere)));
            tests.add(DynamicTest.dynamicTest(caller + " enrolls a kiosk for another store", () -> check(caller, "POST",
                    "/api/kiosks", "{\"storeId\":\"" + OTHER_STORE + "\",\"touchpoint\":\"checkout\",\"label\":\"X\"}",
                    EnumSet.of(Caller.ADMIN))));
        }
        return tests;
    }

    private static void check(Caller caller, String method, String path, String body, Set<Caller> allowed) throws Exception {
        KundenpulsClient client = fresh(caller);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        client.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        // Streamed: a live stream (SSE) answers with its status and then keeps the body open.
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        String text;
        try (InputStream in = response.body()) {
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            text = stream ? "(event stream)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(status).as("no 5xx: %s", text).isLessThan(500);
        if (allowed.contains(caller)) {
            assertThat(status).as(text).isNotIn(401, 403);
        } else if (caller == Caller.ANONYMOUS) {
            assertThat(status).as(text).isEqualTo(401);
        } else {
            assertThat(status).as(text).isEqualTo(403);
        }
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
