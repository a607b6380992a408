package de.kundenpuls.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The part of Firebase Authentication's REST API that the Firebase JS SDK uses for an e-mail and
 * password sign-in, in the shape the SDK expects when pointed at an emulator
 * ({@code auth.useEmulator(url)}): {@code /identitytoolkit.googleapis.com/v1/accounts:signInWithPassword},
 * {@code accounts:lookup} and the token refresh at {@code /securetoken.googleapis.com/v1/token}.
 *
 * <p>Why not the Firebase Auth emulator: it needs Node and 312 MB of firebase-tools, and its tokens
 * are unsigned, so the server's production {@code verifyIdToken} path would not run. The tokens
 * minted here are RS256-signed by a key whose certificate the stand-in also serves, so the real
 * Admin SDK verifies them exactly as it verifies Google's.
 */
final class SignInStandIn {

    static final String IDENTITY_TOOLKIT = "/identitytoolkit.googleapis.com/v1/";
    static final String SECURE_TOKEN = "/securetoken.googleapis.com/v1/token";

    private final ObjectMapper mapper;
    private final BiFunction<String, Map<String, Object>, String> signer;
    private final Map<String, Account> byEmail = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    /** Wrong passwords per account, as Firebase counts them: five within 15 minutes lock it for the rest. */
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private static final int MAX_FAILURES = 5;
    private static final long LOCK_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(15);

    private record Failures(int count, long since) {
    }
    private final SecureRandom random = new SecureRandom();

    SignInStandIn(ObjectMapper mapper, BiFunction<String, Map<String, Object>, String> signer) {
        this.mapper = mapper;
        this.signer = signer;
    }

    /** An account: the custom claims are what an admin sets with {@code setCustomUserClaims}. */
    record Account(String uid, String email, String passwordHash, Map<String, Object> customClaims) {
    }

    void addAccount(String uid, String email, String password, Map<String, Object> customClaims) {
        String key = email.toLowerCase(java.util.Locale.ROOT);
        byEmail.put(key, new Account(uid, key, hash(password), Map.copyOf(customClaims)));
    }

    boolean handles(String path) {
        return path.startsWith(IDENTITY_TOOLKIT) || path.equals(SECURE_TOKEN);
    }

    void handle(HttpExchange exchange) throws IOException {
        // The console runs on another origin (the Kundenpuls server), so the browser asks first.
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", asked == null ? "Content-Type" : asked);
            exchange.getResponseHeaders().set("Access-Control-Max-Age", "3600");
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.equals(SECURE_TOKEN)) {
            refresh(exchange, new String(body, StandardCharsets.UTF_8));
        } else if (path.equals(IDENTITY_TOOLKIT + "accounts:signInWithPassword")) {
            signIn(exchange, mapper.readTree(body));
        } else if (path.equals(IDENTITY_TOOLKIT + "accounts:lookup")) {
            lookup(exchange, mapper.readTree(body));
        } else {
            error(exchange, 400, "OPERATION_NOT_ALLOWED");
        }
    }

    private void signIn(HttpExchange exchange, JsonNode request) throws IOException {
        String email = request.path("email").asText("").toLowerCase(java.util.Locale.ROOT);
        Account account = byEmail.get(email);
        if (email.isBlank() || !email.contains("@")) {
            error(exchange, 400, "INVALID_EMAIL");
        } else if (account == null) {
            error(exchange, 400, "EMAIL_NOT_FOUND");
        } else if (locked(email)) {
            error(exchange, 400, "TOO_MANY_ATTEMPTS_TRY_LATER");
        } else if (!MessageDigest.isEqual(account.passwordHash().getBytes(StandardCharsets.US_ASCII),
                hash(request.path("password").asText("")).getBytes(StandardCharsets.US_ASCII))) {
            long now = System.nanoTime();
            failures.merge(email, new Failures(1, now), (old, one) -> now - old.since() > LOCK_NANOS ? one
                    : new Failures(old.count() + 1, old.since()));
            error(exchange, 400, "INVALID_PASSWORD");
        } else {
            failures.remove(email);
            String refresh = newRefreshToken(account);
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("kind", "identitytoolkit#VerifyPasswordResponse");
            reply.put("localId", account.uid());
            reply.put("email", account.email());
            reply.put("displayName", "");
            reply.put("idToken", idToken(account));
            reply.put("registered", true);
            reply.put("refreshToken", refresh);
            reply.put("expiresIn", "3600");
            reply(exchange, 200, reply);
        }
    }

    private boolean locked(String email) {
        Failures f = failures.get(email);
        return f != null && f.count() >= MAX_FAILURES && System.nanoTime() - f.since() <= LOCK_NANOS;
    }

    private void lookup(HttpExchange exchange, JsonNode request) throws IOException {
        String idToken = request.path("idToken").asText("");
        Optional<Account> account = accountOf(idToken);
        if (account.isEmpty()) {
            error(exchange, 400, "INVALID_ID_TOKEN");
            return;
        }
        Account a = account.get();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("localId", a.uid());
        user.put("email", a.email());
        user.put("emailVerified", true);
        user.put("providerUserInfo", List.of(Map.of("providerId", "password", "email", a.email(),
                "federatedId", a.email(), "rawId", a.email())));
        user.put("customAttributes", mapper.writeValueAsString(a.customClaims()));
        user.put("createdAt", "0");
        user.put("lastLoginAt", String.valueOf(System.currentTimeMillis()));
        reply(exchange, 200, Map.of("kind", "identitytoolkit#GetAccountInfoResponse", "users", List.of(user)));
    }

    private void refresh(HttpExchange exchange, String form) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String email = refreshTokens.get(fields.getOrDefault("refresh_token", ""));
        Account account = email == null ? null : byEmail.get(email);
        if (!"refresh_token".equals(fields.get("grant_type")) || account == null) {
            error(exchange, 400, "INVALID_REFRESH_TOKEN");
            return;
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("access_token", idToken(account));
        reply.put("id_token", reply.get("access_token"));
        reply.put("expires_in", "3600");
        reply.put("token_type", "Bearer");
        reply.put("refresh_token", fields.get("refresh_token"));
        reply.put("user_id", account.uid());
        reply(exchange, 200, reply);
    }

    private String idToken(Account account) {
        Map<String, Object> claims = new LinkedHashMap<>(account.customClaims());
        claims.put("email", account.email());
        claims.put("email_verified", true);
        claims.put("firebase", Map.of("sign_in_provider", "password",
                "identities", Map.of("email", List.of(account.email()))));
        return signer.apply(account.uid(), claims);
    }

    private Optional<Account> accountOf(String idToken) {
        String[] parts = idToken.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = mapper.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
            return Optional.ofNullable(byEmail.get(payload.path("email").asText("")))
                    .filter(a -> a.uid().equals(payload.path("sub").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String newRefreshToken(Account account) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        refreshTokens.put(token, account.email());
        return token;
    }

    private static String hash(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Errors as Identity Toolkit sends them; the SDK maps the message to {@code auth/...} codes. */
    private void error(HttpExchange exchange, int code, String message) throws IOException {
        reply(exchange, code, Map.of("error", Map.of("code", code, "message", message,
                "errors", List.of(Map.of("message", message, "domain", "global", "reason", "invalid")))));
    }

    private void reply(HttpExchange exchange, int code, Object body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
