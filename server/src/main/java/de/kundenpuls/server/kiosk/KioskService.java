package de.kundenpuls.server.kiosk;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.kiosk.KioskEnrollment;
import de.kundenpuls.model.kiosk.KioskIdentity;
import de.kundenpuls.model.kiosk.KioskView;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.api.TooManyRequestsException;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Store;
import de.kundenpuls.server.privacy.AuditLog;
import de.kundenpuls.server.privacy.AuditTrail;
import de.kundenpuls.server.ratelimit.KeyedLimiter;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Enrolled kiosks, {@code /api/kiosks}. A store's staff or an admin enrolls a kiosk for a store
 * and touchpoint and gets a one-time code (text and QR code); the tablet exchanges the code once
 * for its own identity; admins list and revoke kiosks; a kiosk reports its app version and outbox
 * backlog for the fleet view.
 *
 * <pre>
 * curl -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
 *      -d '{"storeId":"berlin-mitte","touchpoint":"checkout","label":"Kasse 2"}' http://localhost:8080/api/kiosks
 * curl -X POST -H 'Content-Type: application/json' -d '{"code":"7KQ2M-XW9RT"}' http://localhost:8080/api/kiosks/enrollments
 * </pre>
 */
public final class KioskService implements HttpService {

    /** Unambiguous on a tablet keyboard: no 0/O, no 1/I. 32 symbols, 5 bits each. */
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 10;

    private final Access access;
    private final KioskFleet fleet;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final StorageWriter writer;
    private final CustomTokens customTokens;
    private final Duration codeLifetime;
    private final KeyedLimiter exchangesPerAddress;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the service.
     *
     * @param access        access rules
     * @param fleet         the stored kiosks
     * @param catalog       stores and touchpoints
     * @param audit         the audit log (enrollments and revocations are written there)
     * @param writer        the storage writer
     * @param customTokens  mints a tablet's Firebase custom token
     * @param codeLifetime  how long an enrollment code can be exchanged
     * @param exchangeRate  how many code exchanges one network address may try
     * @param clock         the clock
     */
    public KioskService(Access access, KioskFleet fleet, Catalog catalog, AuditTrail audit, StorageWriter writer,
                        CustomTokens customTokens, Duration codeLifetime, KeyedLimiter.Rate exchangeRate, Clock clock) {
        this.access = access;
        this.fleet = fleet;
        this.catalog = catalog;
        this.audit = audit;
        this.writer = writer;
        this.customTokens = customTokens;
        this.codeLifetime = codeLifetime;
        this.exchangesPerAddress = new KeyedLimiter(exchangeRate, 100_000);
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", access.allow(this::enroll, Role.STAFF, Role.ADMIN))
                .get("/", access.allow(this::list, Role.STAFF, Role.ADMIN))
                .post("/enrollments", access.anyone((caller, req, res) -> exchange(req, res)))
                .post("/me/contact", access.allow(this::contact, Role.KIOSK))
                .post("/{id}/revoke", access.allow(this::revoke, Role.ADMIN));
    }

    /**
     * The body of an enrollment in the console.
     *
     * @param storeId    the store
     * @param touchpoint the touchpoint
     * @param label      what staff call it
     */
    public record EnrollRequest(String storeId, String touchpoint, String label) {
        /** Validates the fields. */
        public EnrollRequest {
            storeId = InvalidFieldException.requiredText(storeId, "storeId", 64);
            touchpoint = InvalidFieldException.requiredText(touchpoint, "touchpoint", 64);
            label = InvalidFieldException.requiredText(label, "label", 60);
        }
    }

    /**
     * The body of a code exchange.
     *
     * @param code the one-time code, with or without the dash
     */
    public record ExchangeRequest(String code) {
        /** Validates the field. */
        public ExchangeRequest {
            code = InvalidFieldException.requiredText(code, "code", 40);
        }
    }

    /**
     * The body of a kiosk's report.
     *
     * @param appVersion the app's version
     * @param backlog    answers waiting in its outbox
     */
    public record ContactRequest(String appVersion, Integer backlog) {
        /** Validates the fields. */
        public ContactRequest {
            appVersion = InvalidFieldException.requiredText(appVersion, "appVersion", 40);
            backlog = InvalidFieldException.range(InvalidFieldException.required(backlog, "backlog"), "backlog", 0, 10_000_000);
        }
    }

    private void enroll(Caller caller, ServerRequest req, ServerResponse res) {
        EnrollRequest body = JsonBody.read(req, EnrollRequest.class);
        Store store = catalog.store(body.storeId())
                .orElseThrow(() -> ApiException.badRequest("storeId", ProblemCode.NO_STORE, body.storeId()));
        Access.requireStore(caller, store.id());
        if (!store.touchpoints().contains(body.touchpoint())) {
            throw ApiException.badRequest("touchpoint", ProblemCode.UNKNOWN_TOUCHPOINT, body.touchpoint());
        }
        String code = newCode();
        Instant now = clock.instant();
        Kiosk kiosk = new Kiosk(UUID.randomUUID().toString().replace("-", "").substring(0, 16), store.id(), body.touchpoint(),
                body.label(), now, caller.uid(), now.plus(codeLifetime), null, null, null, null, -1);
        writer.write(tx -> {
            fleet.add(kiosk, hash(code), tx);
            audit.record(new AuditLog.AuditEntry(now, caller.uid(), "kiosk.enroll", kiosk.id(),
                    store.id() + " / " + kiosk.touchpoint() + " / " + kiosk.label()), tx);
            return null;
        });
        Responses.json(res, Status.CREATED_201, new KioskEnrollment(kiosk.view(now), code, kiosk.codeExpiresAt(),
                QrSvg.of(code)));
    }

    private void list(Caller caller, ServerRequest req, ServerResponse res) {
        Instant now = clock.instant();
        String storeId = caller.role() == Role.STAFF ? caller.storeId().orElseThrow() : req.query().first("storeId").orElse(null);
        List<Kiosk> kiosks = storeId == null ? fleet.all() : fleet.ofStore(storeId);
        List<KioskView> views = kiosks.stream().map(k -> k.view(now)).toList();
        Responses.json(res, Map.of("items", views));
    }

    private void exchange(ServerRequest req, ServerResponse res) {
        // Codes carry 50 bits; a limit per address keeps guessing hopeless as well as noisy.
        String address = req.remotePeer().address() instanceof InetSocketAddress peer
                ? peer.getAddress().getHostAddress() : "unknown";
        exchangesPerAddress.take(address, 1).ifPresent(wait -> {
            throw new TooManyRequestsException("code", wait, ProblemCode.ENROLLMENT_RATE,
                    TooManyRequestsException.seconds(wait));
        });
        ExchangeRequest body = JsonBody.read(req, ExchangeRequest.class);
        String hash = hash(normalized(body.code()));
        Instant now = clock.instant();
        Kiosk found = open(hash);
        if (!now.isBefore(found.codeExpiresAt())) {
            throw ApiException.badRequest("code", ProblemCode.ENROLLMENT_CODE_EXPIRED);
        }
        // The token first: when it cannot be minted, the code stays unused for the next try.
        String token = customTokens.mint(found.uid(), claims(found)).orElse(null);
        Kiosk enrolled = writer.write(tx -> {
            Kiosk next = open(hash).enrolled(now);
            fleet.replace(next, tx);
            fleet.closeCode(hash, tx);
            return next;
        });
        Responses.json(res, new KioskIdentity(enrolled.id(), enrolled.uid(), enrolled.storeId(), enrolled.touchpoint(), token));
    }

    private Kiosk open(String codeHash) {
        return fleet.byCodeHash(codeHash).filter(k -> k.enrolledAt() == null && k.revokedAt() == null)
                .orElseThrow(() -> ApiException.badRequest("code", ProblemCode.ENROLLMENT_CODE_INVALID));
    }

    private void contact(Caller caller, ServerRequest req, ServerResponse res) {
        ContactRequest body = JsonBody.read(req, ContactRequest.class);
        Instant now = clock.instant();
        writer.write(tx -> {
            Kiosk kiosk = fleet.byUid(caller.uid()).orElseThrow(() -> ApiException.notFound("uid", ProblemCode.NO_KIOSK, caller.uid()));
            fleet.replace(kiosk.contacted(now, body.appVersion(), body.backlog()), tx);
            return null;
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    private void revoke(Caller caller, ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        Instant now = clock.instant();
        Kiosk revoked = writer.write(tx -> {
            Kiosk kiosk = fleet.find(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_KIOSK, id));
            if (kiosk.revokedAt() != null) {
                return kiosk;
            }
            Kiosk next = kiosk.revoked(now);
            fleet.replace(next, tx);
            audit.record(new AuditLog.AuditEntry(now, caller.uid(), "kiosk.revoke", kiosk.id(),
                    kiosk.storeId() + " / " + kiosk.touchpoint() + " / " + kiosk.label()), tx);
            return next;
        });
        Responses.json(res, revoked.view(now));
    }

    /**
     * The claims of a kiosk's tokens.
     *
     * @param kiosk the kiosk
     * @return role, store and touchpoint
     */
    static Map<String, Object> claims(Kiosk kiosk) {
        return Map.of("role", Role.KIOSK.claim(), "store", kiosk.storeId(), "touchpoint", kiosk.touchpoint());
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH + 1);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i == CODE_LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person types: lower case, spaces, a missing or extra dash all mean the same code. */
    private static String normalized(String typed) {
        String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return plain.length() == CODE_LENGTH ? plain.substring(0, CODE_LENGTH / 2) + "-" + plain.substring(CODE_LENGTH / 2) : plain;
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
