package de.kundenpuls.model.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Firebase Authentication from plain Java: there is no Firebase client SDK for desktop Java, so
 * this speaks the Identity Toolkit and Secure Token REST APIs that the SDKs use, with
 * {@code java.net.http} and Jackson. The same code runs against Google (production, with the
 * project's web API key) and against the Firebase Auth emulator (tests).
 *
 * <p>An app starts with an anonymous account ({@link #start}), which the shopper may later upgrade
 * to e-mail and password ({@link #linkEmailAndPassword}) without losing it; a kiosk signs in with
 * the custom token it got for its enrollment code ({@link #withCustomToken}). The refresh token is
 * kept in the given {@link TokenStore} (the app's private storage), so a restart resumes the same
 * account. ID tokens are refreshed a minute before they expire, and after a 401.
 */
public final class FirebaseAuthSession implements AuthSession {

    private static final Duration EARLY = Duration.ofMinutes(1);

    private final Endpoints endpoints;
    private final TokenStore store;
    private final Clock clock;
    private final HttpClient http;
    private String uid;
    private String idToken;
    private String refreshToken;
    private Instant expiresAt;

    /**
     * Where the REST APIs are.
     *
     * @param identityToolkit e.g. {@code https://identitytoolkit.googleapis.com}
     * @param secureToken     e.g. {@code https://securetoken.googleapis.com}
     * @param apiKey          the project's web API key (any value for the emulator)
     */
    public record Endpoints(String identityToolkit, String secureToken, String apiKey) {

        /**
         * Google's endpoints.
         *
         * @param apiKey the web API key of the Firebase project
         * @return the endpoints
         */
        public static Endpoints google(String apiKey) {
            return new Endpoints("https://identitytoolkit.googleapis.com", "https://securetoken.googleapis.com", apiKey);
        }

        /**
         * The Firebase Auth emulator's.
         *
         * @param hostAndPort e.g. {@code 127.0.0.1:59099}
         * @return the endpoints
         */
        public static Endpoints emulator(String hostAndPort) {
            return at("http://" + hostAndPort, "emulator");
        }

        /**
         * The endpoints of an emulator or stand-in at a base URL (the shape the Firebase SDKs use
         * with {@code useEmulator}).
         *
         * @param baseUrl e.g. {@code http://127.0.0.1:9099}
         * @param apiKey  the web API key
         * @return the endpoints
         */
        public static Endpoints at(String baseUrl, String apiKey) {
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            return new Endpoints(base + "/identitytoolkit.googleapis.com", base + "/securetoken.googleapis.com", apiKey);
        }
    }

    /** Keeps the refresh token between starts. */
    public interface TokenStore {
        /** The kept refresh token, if any. */
        Optional<String> load();

        /**
         * Keeps a refresh token.
         *
         * @param refreshToken the token
         */
        void save(String refreshToken);

        /** Forgets it (sign-out, deleted account). */
        void clear();

        /**
         * A store that keeps the token only while the session lives (a staff member on a kiosk,
         * an admin's tool, a test).
         *
         * @return the store
         */
        static TokenStore inMemory() {
            return new TokenStore() {
                private volatile String token;

                @Override
                public Optional<String> load() {
                    return Optional.ofNullable(token);
                }

                @Override
                public void save(String refreshToken) {
                    token = refreshToken;
                }

                @Override
                public void clear() {
                    token = null;
                }
            };
        }
    }

    /** A failed sign-in or refresh, with Firebase's reason (e.g. {@code EMAIL_EXISTS}). */
    public static final class AuthFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        AuthFailedException(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        /** Firebase's error code, e.g. {@code INVALID_PASSWORD}, {@code TOKEN_EXPIRED}. */
        public String reason() {
            return reason;
        }
    }

    private FirebaseAuthSession(Endpoints endpoints, TokenStore store, Clock clock) {
        this.endpoints = endpoints;
        this.store = store;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * The app's session: the account whose refresh token is kept, or a new anonymous account.
     *
     * @param endpoints where Firebase Authentication is
     * @param store     where the refresh token is kept
     * @param clock     the clock
     * @return the signed-in session
     */
    public static FirebaseAuthSession start(Endpoints endpoints, TokenStore store, Clock clock) {
        FirebaseAuthSession session = new FirebaseAuthSession(endpoints, store, clock);
        Optional<String> kept = store.load();
        if (kept.isPresent()) {
            session.refreshToken = kept.get();
            session.refresh();
        } else {
            session.accept(session.identityToolkit("accounts:signUp", Map.of("returnSecureToken", true)));
        }
        return session;
    }

    /**
     * Resumes the account whose refresh token is kept, without making a new one (a kiosk after a
     * restart: it has its enrolled identity or none).
     *
     * @param endpoints where Firebase Authentication is
     * @param store     where the refresh token is kept
     * @param clock     the clock
     * @return the session, or empty when no refresh token is kept
     */
    public static Optional<FirebaseAuthSession> resume(Endpoints endpoints, TokenStore store, Clock clock) {
        Optional<String> kept = store.load();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        FirebaseAuthSession session = new FirebaseAuthSession(endpoints, store, clock);
        session.refreshToken = kept.get();
        session.refresh();
        return Optional.of(session);
    }

    /**
     * Signs in with e-mail and password (the shopper on a new device).
     *
     * @param endpoints where Firebase Authentication is
     * @param store     where the refresh token is kept
     * @param clock     the clock
     * @param email     the e-mail address
     * @param password  the password
     * @return the signed-in session
     */
    public static FirebaseAuthSession signIn(Endpoints endpoints, TokenStore store, Clock clock, String email, String password) {
        FirebaseAuthSession session = new FirebaseAuthSession(endpoints, store, clock);
        session.accept(session.identityToolkit("accounts:signInWithPassword",
                Map.of("email", email, "password", password, "returnSecureToken", true)));
        return session;
    }

    /**
     * Signs in with a custom token minted by the Kundenpuls server (a kiosk's enrollment).
     *
     * @param endpoints   where Firebase Authentication is
     * @param store       where the refresh token is kept
     * @param clock       the clock
     * @param customToken the token
     * @return the signed-in session
     */
    public static FirebaseAuthSession withCustomToken(Endpoints endpoints, TokenStore store, Clock clock, String customToken) {
        FirebaseAuthSession session = new FirebaseAuthSession(endpoints, store, clock);
        session.accept(session.identityToolkit("accounts:signInWithCustomToken",
                Map.of("token", customToken, "returnSecureToken", true)));
        return session;
    }

    /**
     * Upgrades the anonymous account to e-mail and password. The account (uid) and with it the
     * profile stay the same.
     *
     * @param email    the e-mail address
     * @param password the password (Firebase asks for at least 6 characters)
     */
    public synchronized void linkEmailAndPassword(String email, String password) {
        accept(identityToolkit("accounts:update",
                Map.of("idToken", idToken(), "email", email, "password", password, "returnSecureToken", true)));
    }

    /** Forgets the account on this device (its refresh token). */
    public synchronized void signOut() {
        store.clear();
        refreshToken = null;
        idToken = null;
    }

    /**
     * The custom claims of the current ID token (e.g. {@code role}, {@code store}), read without
     * verification: for the client's own decisions only; the server verifies every token.
     *
     * @return the claims
     */
    public synchronized Map<String, Object> claims() {
        String[] parts = idToken().split("\\.");
        try {
            return KundenpulsClient.mapper().readValue(java.util.Base64.getUrlDecoder().decode(parts[1]),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new AuthFailedException("BAD_ANSWER", "The ID token cannot be read");
        }
    }

    @Override
    public synchronized String uid() {
        return uid;
    }

    @Override
    public synchronized String idToken() {
        if (idToken == null || !clock.instant().isBefore(expiresAt.minus(EARLY))) {
            refresh();
        }
        return idToken;
    }

    @Override
    public synchronized String refreshAfterUnauthorized() {
        refresh();
        return idToken;
    }

    /** When the current ID token expires. */
    public synchronized Instant expiresAt() {
        return expiresAt;
    }

    private void refresh() {
        if (refreshToken == null) {
            throw new AuthFailedException("SIGNED_OUT", "Not signed in");
        }
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        JsonNode answer = post(endpoints.secureToken() + "/v1/token", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
        // The Secure Token API answers in snake_case, the Identity Toolkit in camelCase.
        uid = text(answer, "user_id");
        idToken = text(answer, "id_token");
        refreshToken = text(answer, "refresh_token");
        expiresAt = clock.instant().plusSeconds(Long.parseLong(text(answer, "expires_in")));
        store.save(refreshToken);
    }

    private void accept(JsonNode answer) {
        idToken = text(answer, "idToken");
        refreshToken = text(answer, "refreshToken");
        // signInWithCustomToken answers without localId: the uid is the token's subject.
        uid = answer.hasNonNull("localId") ? answer.get("localId").asText() : subject(idToken);
        expiresAt = clock.instant().plusSeconds(Long.parseLong(text(answer, "expiresIn")));
        store.save(refreshToken);
    }

    private JsonNode identityToolkit(String method, Map<String, Object> body) {
        try {
            return post(endpoints.identityToolkit() + "/v1/" + method, "application/json",
                    KundenpulsClient.mapper().writeValueAsBytes(new LinkedHashMap<>(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode post(String url, String contentType, byte[] body) {
        URI uri = URI.create(url + "?key=" + URLEncoder.encode(endpoints.apiKey(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Firebase Authentication at " + uri.getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode answer;
        try {
            answer = KundenpulsClient.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AuthFailedException("BAD_ANSWER", "Firebase Authentication answered " + response.statusCode()
                    + " without JSON");
        }
        if (response.statusCode() != 200) {
            String reason = answer.path("error").path("message").asText("HTTP_" + response.statusCode());
            throw new AuthFailedException(reason.split(" ")[0], "Firebase Authentication refused: " + reason);
        }
        return answer;
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || value.isNull()) {
            throw new AuthFailedException("BAD_ANSWER", "Firebase Authentication answered without " + field);
        }
        return value.asText();
    }

    private static String subject(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            JsonNode claims = KundenpulsClient.mapper().readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
            return text(claims, "sub");
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new AuthFailedException("BAD_ANSWER", "The ID token has no subject");
        }
    }
}
