package de.kundenpuls.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import de.kundenpuls.server.auth.Role;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Dev sign-in: signs ID tokens shaped exactly like Firebase's (RS256, {@code kid}, issuer
 * {@code https://securetoken.google.com/<project>}, audience = project, custom claims
 * {@code role} and {@code store}) with a local key, whose certificate the local Google stand-in
 * serves where the Firebase Admin SDK fetches Google's. The production verification path
 * ({@code verifyIdToken}) therefore checks these tokens unchanged.
 *
 * <p>The key lives in the data directory so that issued tokens stay valid across restarts. It
 * is a development key and protects nothing in production, where this class is never created.
 */
public final class DevTokenIssuer {

    private static final String FILE = "dev-signing-key.p12";
    private static final char[] PASSWORD = "kundenpuls-dev".toCharArray();
    private static final String ALIAS = "dev";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final String projectId;
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final String keyId;
    private final Clock clock;
    private final Duration lifetime;

    private DevTokenIssuer(String projectId, PrivateKey privateKey, X509Certificate certificate, Clock clock) {
        this(projectId, privateKey, certificate, clock, LIFETIME);
    }

    private DevTokenIssuer(String projectId, PrivateKey privateKey, X509Certificate certificate, Clock clock, Duration lifetime) {
        this.projectId = projectId;
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.clock = clock;
        this.lifetime = lifetime;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            this.keyId = HexFormat.of().formatHex(digest, 0, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the key from the directory, or creates and saves one.
     *
     * @param directory the data directory
     * @param projectId the Firebase project id the tokens are issued for
     * @param clock     the clock
     * @return the issuer
     */
    public static DevTokenIssuer loadOrCreate(Path directory, String projectId, Clock clock) {
        Path file = directory.resolve(FILE);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, PASSWORD);
                }
            } else {
                store.load(null, null);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                X509Certificate cert = selfSigned(pair, clock.instant());
                store.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD, new Certificate[] {cert});
                Path tmp = directory.resolve(FILE + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    store.store(out, PASSWORD);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, PASSWORD);
            X509Certificate cert = (X509Certificate) store.getCertificate(ALIAS);
            return new DevTokenIssuer(projectId, key, cert, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the dev signing key " + file, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the dev signing key", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, Instant now) throws OperatorCreationException, GeneralSecurityException {
        X500Name name = new X500Name("CN=Kundenpuls dev sign-in");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new java.security.SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /**
     * Issues a token.
     *
     * @param role  the role claim
     * @param store the store claim (staff)
     * @param uid   the identity; a new random one when empty
     * @return the token and its uid
     */
    public DevTokenService.DevToken issue(Role role, Optional<String> store, Optional<String> uid) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("role", role.claim());
        store.ifPresent(s -> claims.put("store", s));
        return issue(claims, uid);
    }

    /**
     * Issues a token with the given custom claims.
     *
     * @param claims the custom claims ({@code role}, …)
     * @param uid    the identity; a new random one when empty
     * @return the token and its uid
     */
    public DevTokenService.DevToken issue(Map<String, Object> claims, Optional<String> uid) {
        String subject = uid.orElseGet(() -> "dev-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        return new DevTokenService.DevToken(sign(subject, claims), subject);
    }

    /**
     * Signs an ID token the way Firebase Authentication does: RS256, issuer
     * {@code https://securetoken.google.com/<project>}, one hour of life.
     *
     * @param subject the uid
     * @param claims  further claims (custom claims such as {@code role}, or {@code email})
     * @return the signed token
     */
    public String sign(String subject, Map<String, Object> claims) {
        long now = clock.instant().getEpochSecond();
        JsonWebSignature.Header header = new JsonWebSignature.Header()
                .setAlgorithm("RS256")
                .setType("JWT")
                .setKeyId(keyId);
        JsonWebToken.Payload payload = new JsonWebToken.Payload()
                .setIssuer("https://securetoken.google.com/" + projectId)
                .setAudience(projectId)
                .setSubject(subject)
                .setIssuedAtTimeSeconds(now)
                .setExpirationTimeSeconds(now + lifetime.toSeconds());
        payload.set("auth_time", now);
        payload.set("user_id", subject);
        claims.forEach(payload::set);
        try {
            return JsonWebSignature.signUsingRsaSha256(privateKey, GsonFactory.getDefaultInstance(), header, payload);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /**
     * An issuer whose key lives only in memory: the local sign-in stand-in's accounts when the dev
     * token endpoint is off.
     *
     * @param projectId the Firebase project id
     * @param clock     the clock
     * @return the issuer
     */
    public static DevTokenIssuer ephemeral(String projectId, Clock clock) {
        return ephemeralKey(projectId, clock);
    }

    /**
     * The same key, issuing tokens valid for another time (tests of what happens when one expires).
     *
     * @param lifetime how long a token is valid (Firebase's is an hour)
     * @return the issuer
     */
    public DevTokenIssuer withLifetime(Duration lifetime) {
        return new DevTokenIssuer(projectId, privateKey, certificate, clock, lifetime);
    }

    private static DevTokenIssuer ephemeralKey(String projectId, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevTokenIssuer(projectId, pair.getPrivate(), selfSigned(pair, clock.instant()), clock);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create a signing key", e);
        }
    }

    /** The project the tokens are issued for. */
    public String projectId() {
        return projectId;
    }

    /** The key id the tokens carry in their header. */
    public String keyId() {
        return keyId;
    }

    /** The certificate as PEM, as Google's certificate endpoint serves it. */
    public String certificatePem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
