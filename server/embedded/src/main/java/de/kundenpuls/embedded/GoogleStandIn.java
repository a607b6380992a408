package de.kundenpuls.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the two Google endpoints Kundenpuls talks to, so that the real Firebase
 * Admin SDK runs over real HTTP where no Google service is reachable:
 * <ul>
 *     <li>FCM HTTP v1 {@code POST /v1/projects/{project}/messages:send}, with Google's reply and
 *     error formats ({@code UNREGISTERED}, {@code INVALID_ARGUMENT}, {@code QUOTA_EXCEEDED},
 *     {@code UNAVAILABLE});</li>
 *     <li>the x509 certificate endpoint that {@code verifyIdToken} reads
 *     ({@code /robot/v1/metadata/x509/securetoken@system.gserviceaccount.com}).</li>
 * </ul>
 * It records every delivered message for inspection ({@code GET /standin/messages?token=…}) and
 * can be told to answer with faults ({@code POST /standin/faults}) or to treat tokens as
 * unregistered ({@code POST /standin/unregistered}).
 *
 * <pre>
 * curl http://127.0.0.1:9099/standin/messages?token=abc
 * curl -X POST -d '{"status":429,"count":3}' http://127.0.0.1:9099/standin/faults
 * </pre>
 */
public final class GoogleStandIn implements AutoCloseable {

    /** The largest FCM payload in bytes. */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private static final Pattern SEND = Pattern.compile("^/v1/projects/([^/]+)/messages:send$");
    private static final String CERTS = "/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com";

    // Delivered messages carry their Instant: the inspection endpoint writes them as ISO-8601 text.
    private final ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Supplier<Map<String, String>> certificates;
    private final ConcurrentLinkedQueue<Delivered> delivered = new ConcurrentLinkedQueue<>();
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Integer> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile long latencyMillis;

    private final Optional<SignInStandIn> signIn;

    private GoogleStandIn(HttpServer server, Supplier<Map<String, String>> certificates,
                          BiFunction<String, Map<String, Object>, String> signer) {
        this.server = server;
        this.certificates = certificates;
        this.signIn = Optional.ofNullable(signer).map(s -> new SignInStandIn(mapper, s));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts the stand-in on 127.0.0.1.
     *
     * @param port         the port, 0 for any free one
     * @param certificates key id → PEM certificate served at the certificate endpoint
     * @return the running stand-in
     */
    public static GoogleStandIn start(int port, Supplier<Map<String, String>> certificates) {
        return start(port, certificates, null);
    }

    /**
     * Starts the stand-in on 127.0.0.1, also serving the e-mail sign-in of Firebase Authentication
     * for accounts added with {@link #addAccount}.
     *
     * @param port         the port, 0 for any free one
     * @param certificates key id → PEM certificate served at the certificate endpoint
     * @param signer       signs an ID token for (uid, claims) with a key among the certificates; null: no sign-in
     * @return the running stand-in
     */
    public static GoogleStandIn start(int port, Supplier<Map<String, String>> certificates,
                                      BiFunction<String, Map<String, Object>, String> signer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
            return new GoogleStandIn(server, certificates, signer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Google stand-in on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the stand-in on its own: {@code --port 9099}.
     *
     * @param args command line
     */
    public static void main(String[] args) {
        int port = args.length >= 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 9099;
        GoogleStandIn standIn = start(port, Map::of);
        System.out.println("FCM stand-in listening on " + standIn.url());
    }

    /** The base URL, e.g. {@code http://127.0.0.1:9099}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Adds an account for the e-mail sign-in, as an admin would create it in the Firebase console
     * and give it its role with {@code setCustomUserClaims}.
     *
     * @param uid          the account's uid
     * @param email        the e-mail address
     * @param password     the password
     * @param customClaims e.g. {@code role=marketer}, {@code store=...}
     */
    public void addAccount(String uid, String email, String password, Map<String, Object> customClaims) {
        signIn.orElseThrow(() -> new IllegalStateException("This stand-in serves no sign-in"))
                .addAccount(uid, email, password, customClaims);
    }

    /** Whether the stand-in serves the e-mail sign-in of Firebase Authentication. */
    public boolean servesSignIn() {
        return signIn.isPresent();
    }

    /** Every message accepted so far, oldest first. */
    public List<Delivered> delivered() {
        return new ArrayList<>(delivered);
    }

    /**
     * Messages accepted for one token.
     *
     * @param token the registration token
     * @return its messages, oldest first
     */
    public List<Delivered> deliveredTo(String token) {
        return delivered.stream().filter(d -> d.token().equals(token)).toList();
    }

    /** Number of send requests received, including refused ones. */
    public long requestCount() {
        return requests.get();
    }

    /**
     * From now on answers 404 UNREGISTERED for this token, as FCM does for an uninstalled app.
     *
     * @param token the token
     */
    public void unregister(String token) {
        unregistered.add(token);
    }

    /**
     * Answers the next {@code count} send requests with an error status instead of delivering:
     * 429 (QUOTA_EXCEEDED), 503 (UNAVAILABLE), 500 (INTERNAL), or 0 to drop the connection.
     *
     * @param status the status
     * @param count  how many requests
     */
    public void failNext(int status, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(status);
        }
    }

    /**
     * Makes every send take at least this long, like a far-away FCM (for tests and benchmarks).
     *
     * @param millis the latency
     */
    public void latency(long millis) {
        latencyMillis = millis;
    }

    /** Forgets deliveries, faults and unregistered tokens. */
    public void reset() {
        delivered.clear();
        faults.clear();
        unregistered.clear();
        requests.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher send = SEND.matcher(path);
            if (signIn.isPresent() && signIn.get().handles(path)) {
                signIn.get().handle(exchange);
            } else if (method.equals("POST") && send.matches()) {
                send(exchange, send.group(1));
            } else if (method.equals("GET") && path.equals(CERTS)) {
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
                reply(exchange, 200, certificates.get());
            } else if (path.startsWith("/standin/")) {
                inspect(exchange, method, path);
            } else {
                error(exchange, 404, "NOT_FOUND", "No such endpoint in the stand-in: " + path, null);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "INTERNAL", "stand-in failure: " + e, null);
        }
    }

    private void send(HttpExchange exchange, String project) throws IOException {
        requests.incrementAndGet();
        byte[] body = readAll(exchange.getRequestBody());
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer fault = faults.poll();
        if (fault != null) {
            if (fault == 0) {
                // Simulates a broken connection: close without any answer.
                exchange.getHttpContext().getServer();
                exchange.close();
                throw new IOException("dropped by fault injection");
            }
            String status = switch (fault) {
                case 429 -> "RESOURCE_EXHAUSTED";
                case 503 -> "UNAVAILABLE";
                default -> "INTERNAL";
            };
            String code = switch (fault) {
                case 429 -> "QUOTA_EXCEEDED";
                case 503 -> "UNAVAILABLE";
                default -> "INTERNAL";
            };
            if (fault == 429) {
                exchange.getResponseHeaders().set("Retry-After", "0");
            }
            error(exchange, fault, status, "Injected fault", code);
            return;
        }
        if (!exchange.getRequestHeaders().containsKey("Authorization")) {
            error(exchange, 401, "UNAUTHENTICATED", "Request is missing required authentication credential.", null);
            return;
        }
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            error(exchange, 400, "INVALID_ARGUMENT", "Invalid JSON payload received.", "INVALID_ARGUMENT");
            return;
        }
        JsonNode message = request.path("message");
        String token = message.path("token").asText("");
        if (token.isBlank()) {
            error(exchange, 400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token",
                    "INVALID_ARGUMENT");
            return;
        }
        int payloadBytes = payloadBytes(message);
        if (payloadBytes > MAX_PAYLOAD_BYTES) {
            error(exchange, 400, "INVALID_ARGUMENT", "Message is too big: " + payloadBytes + " bytes", "INVALID_ARGUMENT");
            return;
        }
        if (unregistered.contains(token)) {
            error(exchange, 404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED");
            return;
        }
        boolean validateOnly = request.path("validate_only").asBoolean(false);
        String id = "0:" + ids.incrementAndGet();
        if (!validateOnly) {
            Map<String, String> data = new LinkedHashMap<>();
            message.path("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
            delivered.add(new Delivered(id, project, token, message.path("notification").path("title").asText(null),
                    message.path("notification").path("body").asText(null), data, Instant.now()));
        }
        reply(exchange, 200, Map.of("name", "projects/" + project + "/messages/" + id));
    }

    /** FCM counts the notification and data content against the 4096-byte limit. */
    private static int payloadBytes(JsonNode message) {
        int bytes = 0;
        JsonNode notification = message.path("notification");
        bytes += notification.path("title").asText("").getBytes(StandardCharsets.UTF_8).length;
        bytes += notification.path("body").asText("").getBytes(StandardCharsets.UTF_8).length;
        var fields = message.path("data").fields();
        while (fields.hasNext()) {
            var f = fields.next();
            bytes += f.getKey().getBytes(StandardCharsets.UTF_8).length + f.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private void inspect(HttpExchange exchange, String method, String path) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        switch (method + " " + path) {
            case "GET /standin/messages" -> {
                String token = query != null && query.startsWith("token=")
                        ? java.net.URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8) : null;
                reply(exchange, 200, Map.of("items", token == null ? delivered() : deliveredTo(token)));
            }
            case "GET /standin/stats" -> reply(exchange, 200, Map.of("delivered", delivered.size(), "requests", requests.get()));
            case "POST /standin/unregistered" -> {
                unregister(mapper.readTree(readAll(exchange.getRequestBody())).path("token").asText());
                reply(exchange, 204, null);
            }
            case "POST /standin/faults" -> {
                JsonNode f = mapper.readTree(readAll(exchange.getRequestBody()));
                failNext(f.path("status").asInt(503), f.path("count").asInt(1));
                reply(exchange, 204, null);
            }
            case "DELETE /standin/messages" -> {
                reset();
                reply(exchange, 204, null);
            }
            default -> error(exchange, 404, "NOT_FOUND", "No such stand-in endpoint", null);
        }
    }

    private void error(HttpExchange exchange, int code, String status, String message, String fcmErrorCode) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        if (fcmErrorCode != null) {
            error.put("details", List.of(Map.of("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                    "errorCode", fcmErrorCode)));
        }
        reply(exchange, code, Map.of("error", error));
    }

    private void reply(HttpExchange exchange, int code, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(code, -1);
            return;
        }
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * A message the stand-in accepted.
     *
     * @param id       the message id it answered
     * @param project  the project it was sent to
     * @param token    the registration token
     * @param title    notification title
     * @param body     notification body
     * @param data     data payload
     * @param received when
     */
    public record Delivered(String id, String project, String token, String title, String body, Map<String, String> data,
                            Instant received) {
    }
}
