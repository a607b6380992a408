package de.kundenpuls.model.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.kundenpuls.model.Problem;

/**
 * Typed client of the Kundenpuls REST API, used by the app, the tests and the benchmarks.
 *
 * <p>Immutable: {@link #withToken} returns a client for another identity sharing the same
 * connection pool. Every non-2xx answer becomes an {@link ApiException} carrying the server's
 * {@link Problem}.
 */
public final class KundenpulsClient {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private final URI base;
    private final HttpClient http;
    private final String token;
    private final AuthSession session;
    private final Duration timeout;
    private final Supplier<String> language;

    private KundenpulsClient(URI base, HttpClient http, String token, AuthSession session, Duration timeout,
                             Supplier<String> language) {
        this.base = base;
        this.http = http;
        this.token = token;
        this.session = session;
        this.timeout = timeout;
        this.language = language;
    }

    /**
     * A client without identity.
     *
     * @param baseUrl e.g. {@code http://localhost:8080}
     * @return the client
     */
    public static KundenpulsClient create(String baseUrl) {
        String normalized = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new KundenpulsClient(URI.create(normalized), http, null, null, Duration.ofSeconds(30), () -> null);
    }

    /**
     * The same client acting as another identity.
     *
     * @param idToken a Firebase ID token (or a dev token), or null for anonymous
     * @return the client
     */
    public KundenpulsClient withToken(String idToken) {
        return new KundenpulsClient(base, http, idToken, null, timeout, language);
    }

    /**
     * The same client acting for a signed-in session: every request asks the session for its
     * current ID token (renewed before it expires), and a 401 is tried once more with a fresh one.
     *
     * @param session the session
     * @return the client
     */
    public KundenpulsClient withSession(AuthSession session) {
        return new KundenpulsClient(base, http, null, session, timeout, language);
    }

    /**
     * The same client asking for error details in a language (the server words them in German or
     * English).
     *
     * @param language asked on every request, e.g. the app's current language ({@code de}, {@code en})
     * @return the client
     */
    public KundenpulsClient withLanguage(Supplier<String> language) {
        return new KundenpulsClient(base, http, token, session, timeout, language);
    }

    /** The token in use, if any. */
    public Optional<String> token() {
        return session != null ? Optional.of(session.idToken()) : Optional.ofNullable(token);
    }

    /** The server's base URL. */
    public URI baseUrl() {
        return base;
    }

    /** The JSON mapper the client uses (ISO dates, lenient on unknown fields). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Dev sign-in (embedded default only). */
    public DevApi dev() {
        return new DevApi(this);
    }

    /** Follow-up cases and the customer's inbox. */
    public CasesApi cases() {
        return new CasesApi(this);
    }

    /** Push campaigns. */
    public CampaignsApi campaigns() {
        return new CampaignsApi(this);
    }

    /** Offers and their redemption at the till. */
    public OffersApi offers() {
        return new OffersApi(this);
    }

    /** Service recovery settings and figures. */
    public RecoveryApi recovery() {
        return new RecoveryApi(this);
    }

    /** Scores, alerts and the live stream ticket. */
    public AnalyticsApi analytics() {
        return new AnalyticsApi(this);
    }

    /** Survey definitions. */
    public SurveysApi surveys() {
        return new SurveysApi(this);
    }

    /** Admin: the audit log, and a customer's export and erasure. */
    public AdminApi admin() {
        return new AdminApi(this);
    }

    /** Enrolled kiosks. */
    public KioskApi kiosks() {
        return new KioskApi(this);
    }

    /** Products, stores, touchpoints, categories and the catalog import. */
    public CatalogApi catalog() {
        return new CatalogApi(this);
    }

    /** Feedback capture. */
    public FeedbackApi feedback() {
        return new FeedbackApi(this);
    }

    /** The caller's own profile, consents, devices, export and erasure. */
    public MeApi me() {
        return new MeApi(this);
    }

    /**
     * GET a JSON resource.
     *
     * @param path e.g. {@code /api/stores}
     * @param type the result type
     * @param <T>  the result type
     * @return the result
     */
    public <T> T get(String path, Class<T> type) {
        return send("GET", path, null, MAPPER.constructType(type));
    }

    /**
     * GET a JSON resource of a generic type.
     *
     * @param path the path
     * @param type the result type
     * @param <T>  the result type
     * @return the result
     */
    public <T> T get(String path, TypeReference<T> type) {
        return send("GET", path, null, MAPPER.constructType(type));
    }

    /**
     * Sends a JSON body and reads a JSON answer.
     *
     * @param method HTTP method
     * @param path   the path
     * @param body   the body, or null
     * @param type   the result type, or {@code Void.class} to ignore the body
     * @param <T>    the result type
     * @return the result, or null for 204 / Void
     */
    public <T> T send(String method, String path, Object body, Class<T> type) {
        return send(method, path, body, MAPPER.constructType(type));
    }

    /**
     * Sends a JSON body and reads a JSON answer of a generic type.
     *
     * @param method HTTP method
     * @param path   the path
     * @param body   the body, or null
     * @param type   the result type
     * @param <T>    the result type
     * @return the result, or null for 204
     */
    public <T> T send(String method, String path, Object body, TypeReference<T> type) {
        return send(method, path, body, MAPPER.constructType(type));
    }

    private <T> T send(String method, String path, Object body, JavaType type) {
        HttpResponse<byte[]> response = exchange(method, path, body == null ? null : json(body), "application/json");
        return read(response, type);
    }

    /**
     * Sends raw bytes, e.g. a CSV file, and reads a JSON answer.
     *
     * @param method      HTTP method
     * @param path        the path
     * @param body        the bytes
     * @param contentType their media type
     * @param type        the result type
     * @param <T>         the result type
     * @return the result
     */
    public <T> T sendBytes(String method, String path, byte[] body, String contentType, Class<T> type) {
        return read(exchange(method, path, body, contentType), MAPPER.constructType(type));
    }

    /**
     * Sends a request and returns the raw response, for callers that look at status and headers.
     *
     * @param method      HTTP method
     * @param path        the path
     * @param body        bytes or null
     * @param contentType media type of the body
     * @return the response
     */
    public HttpResponse<byte[]> exchange(String method, String path, byte[] body, String contentType) {
        HttpResponse<byte[]> response = exchange(method, path, body, contentType, session != null ? session.idToken() : token);
        if (response.statusCode() == 401 && session != null) {
            response = exchange(method, path, body, contentType, session.refreshAfterUnauthorized());
        }
        return response;
    }

    /**
     * A GET that the server may answer with 304 when the caller's copy is still current: the
     * catalog the app keeps for offline use.
     *
     * @param path the path with its query
     * @param etag the {@code ETag} of the copy the caller holds, or null for none
     * @return the raw response: 200 with the body and its {@code ETag}, or 304 without a body
     */
    public HttpResponse<byte[]> getIfChanged(String path, String etag) {
        HttpResponse<byte[]> response = exchange("GET", path, null, null, session != null ? session.idToken() : token, etag);
        if (response.statusCode() >= 400) {
            throw new ApiException(response.statusCode(), problem(response));
        }
        return response;
    }

    private HttpResponse<byte[]> exchange(String method, String path, byte[] body, String contentType, String bearer) {
        return exchange(method, path, body, contentType, bearer, null);
    }

    private HttpResponse<byte[]> exchange(String method, String path, byte[] body, String contentType, String bearer,
                                          String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        String lang = language.get();
        if (lang != null) {
            request.header("Accept-Language", lang);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        int status = response.statusCode();
        if (status >= 400) {
            throw new ApiException(status, problem(response));
        }
        if (status == 204 || type.getRawClass() == Void.class || response.body().length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unexpected answer from " + response.uri() + ": " + e.getMessage(), e);
        }
    }

    private static Problem problem(HttpResponse<byte[]> response) {
        try {
            Problem p = MAPPER.readValue(response.body(), Problem.class);
            if (p != null && p.status() != 0) {
                return p;
            }
        } catch (IOException | RuntimeException ignored) {
            // Not a problem body (a proxy's error page, say): describe it by status.
        }
        return Problem.of(response.statusCode(), "HTTP " + response.statusCode(), null, null);
    }

    private static byte[] json(Object body) {
        try {
            return MAPPER.writeValueAsBytes(Objects.requireNonNull(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
