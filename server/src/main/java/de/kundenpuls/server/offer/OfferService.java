package de.kundenpuls.server.offer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.kundenpuls.model.Gtin;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.offer.OfferDefinition;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.offer.PersonalOffer;
import de.kundenpuls.model.offer.Redemption;
import de.kundenpuls.model.offer.ScanResult;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Product;
import de.kundenpuls.server.profile.CustomerSignals;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.storage.StorageWriter;
import de.kundenpuls.server.storage.Transaction;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Offers: definitions for marketers ({@code /api/offers}), redemption at the till
 * ({@code POST /api/offers/redeem}), and the shopper's ranked offers and scans
 * ({@code /api/me/offers}, {@code /api/me/scans}).
 *
 * <pre>
 * curl -H "Authorization: Bearer $SHOPPER" http://localhost:8080/api/me/offers?lang=de
 * curl -X POST -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
 *      -d '{"code":"2912345678906"}' http://localhost:8080/api/offers/redeem
 * </pre>
 */
public final class OfferService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Access access;
    private final OfferStore store;
    private final Profiles profiles;
    private final CustomerSignals signals;
    private final Catalog catalog;
    private final StorageWriter writer;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param access   access rules
     * @param store    offers and grants
     * @param profiles profiles
     * @param catalog  products, categories, stores
     * @param writer   the storage writer
     * @param clock    the clock
     */
    public OfferService(Access access, OfferStore store, Profiles profiles, Catalog catalog, StorageWriter writer, Clock clock) {
        this.access = access;
        this.store = store;
        this.profiles = profiles;
        this.signals = new CustomerSignals(profiles);
        this.catalog = catalog;
        this.writer = writer;
        this.clock = clock;
    }

    /** Routes under {@code /api/offers}. */
    public HttpService offers() {
        return rules -> rules.get("/", access.allow((c, req, res) -> Responses.json(res, Map.of("items",
                        store.offers().stream().sorted(Comparator.comparing(OfferView::createdAt).reversed()).toList())),
                        Role.MARKETER, Role.ADMIN))
                .post("/", access.allow(this::create, Role.MARKETER, Role.ADMIN))
                .post("/redeem", access.allow(this::redeem, Role.STAFF, Role.ADMIN))
                .get("/{id}", access.allow((c, req, res) -> Responses.json(res, offer(req)), Role.MARKETER, Role.ADMIN))
                .put("/{id}", access.allow(this::update, Role.MARKETER, Role.ADMIN));
    }

    /** Routes under {@code /api/me} for the shopper. */
    public HttpService me() {
        return rules -> rules.get("/offers", access.allow(this::myOffers, Role.SHOPPER))
                .post("/scans", access.allow(this::scan, Role.SHOPPER));
    }

    private OfferView offer(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return store.offer(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_OFFER, id));
    }

    private void create(Caller caller, ServerRequest req, ServerResponse res) {
        OfferDefinition d = JsonBody.read(req, OfferDefinition.class);
        check(d);
        OfferView view = new OfferView(UUID.randomUUID().toString(), d, Instant.now(clock));
        writer.write(tx -> {
            store.putOffer(view, tx);
            return null;
        });
        Responses.json(res, Status.CREATED_201, view);
    }

    private void update(Caller caller, ServerRequest req, ServerResponse res) {
        OfferView current = offer(req);
        OfferDefinition d = JsonBody.read(req, OfferDefinition.class);
        check(d);
        OfferView view = new OfferView(current.id(), d, current.createdAt());
        writer.write(tx -> {
            store.putOffer(view, tx);
            return null;
        });
        Responses.json(res, view);
    }

    private void check(OfferDefinition d) {
        if (d.gtin() != null && catalog.product(d.gtin().value()).isEmpty()) {
            throw ApiException.badRequest("gtin", ProblemCode.NO_PRODUCT, d.gtin().value());
        }
        if (d.category() != null && !catalog.categories().containsKey(d.category())) {
            throw ApiException.badRequest("category", ProblemCode.UNKNOWN_CATEGORY, d.category());
        }
        for (int i = 0; i < d.storeIds().size(); i++) {
            if (catalog.store(d.storeIds().get(i)).isEmpty()) {
                throw ApiException.badRequest("storeIds[" + i + "]", ProblemCode.UNKNOWN_STORE, d.storeIds().get(i));
            }
        }
    }

    private void myOffers(Caller caller, ServerRequest req, ServerResponse res) {
        String lang = Languages.of(req);
        Instant now = Instant.now(clock);
        Profile profile = profiles.find(caller.uid()).orElse(null);
        List<OfferView> active = store.offers().stream()
                .filter(o -> !o.definition().recovery())
                .filter(o -> !now.isBefore(o.definition().validFrom()) && now.isBefore(o.definition().validTo()))
                .toList();
        List<OfferRanking.Ranked> ranked = OfferRanking.rank(profile, active, lang,
                c -> catalog.categories().getOrDefault(c, Map.of()).getOrDefault(lang, c),
                g -> catalog.product(g).map(p -> p.name(lang)).orElse(g),
                s -> catalog.store(s).map(x -> x.name()).orElse(s), now);
        // Personal grants (service recovery) come first: they were given to this shopper.
        List<Grant> personal = store.grantsOf(caller.uid()).stream().filter(Grant::recovery).toList();
        Map<String, Grant> grants = writer.write(tx -> {
            Map<String, Grant> byOffer = new java.util.HashMap<>();
            store.grantsOf(caller.uid()).forEach(g -> byOffer.putIfAbsent(g.offerId(), g));
            for (OfferRanking.Ranked r : ranked) {
                byOffer.computeIfAbsent(r.offer().id(), id -> issue(id, caller.uid(), "inbox", null, now, tx));
            }
            return byOffer;
        });
        List<PersonalOffer> result = new ArrayList<>();
        for (Grant g : personal) {
            store.offer(g.offerId()).filter(o -> now.isBefore(o.definition().validTo())).ifPresent(o -> result.add(view(o, g, lang,
                    "de".equals(lang) ? "Als Entschuldigung für Ihren letzten Besuch" : "As an apology for your last visit")));
        }
        for (OfferRanking.Ranked r : ranked) {
            result.add(view(r.offer(), grants.get(r.offer().id()), lang, r.reason()));
        }
        Responses.json(res, Map.of("items", result));
    }

    private static PersonalOffer view(OfferView o, Grant g, String lang, String reason) {
        var d = o.definition();
        return new PersonalOffer(o.id(), d.title().getOrDefault(lang, d.title().get("de")),
                d.description().getOrDefault(lang, d.description().get("de")), d.benefit(),
                d.gtin() == null ? null : d.gtin().value(), d.category(), d.validTo(), d.storeIds(), g.code(), reason,
                g.redeemedAt() != null);
    }

    /**
     * Issues a grant with a fresh code. Writer thread only.
     *
     * @param offerId the offer
     * @param uid     the shopper
     * @param source  inbox, campaign or recovery
     * @param storeId the recovery store, or null
     * @param now     the time
     * @param tx      the transaction
     * @return the grant
     */
    public Grant issue(String offerId, String uid, String source, String storeId, Instant now, Transaction tx) {
        String code;
        do {
            StringBuilder digits = new StringBuilder("29");
            for (int i = 0; i < 10; i++) {
                digits.append(RANDOM.nextInt(10));
            }
            code = Gtin.withCheckDigit(digits.toString()).value();
        } while (store.grant(code).isPresent());
        Grant grant = new Grant(code, offerId, uid, now, null, null, source, storeId, null, null);
        store.putGrant(grant, tx);
        return grant;
    }

    private void redeem(Caller caller, ServerRequest req, ServerResponse res) {
        RedeemRequest body = JsonBody.read(req, RedeemRequest.class);
        String storeId = caller.role() == Role.STAFF ? caller.storeId().orElseThrow() : body.storeId();
        if (storeId == null || catalog.store(storeId).isEmpty()) {
            throw ApiException.badRequest("storeId", ProblemCode.REDEEM_STORE_REQUIRED);
        }
        Instant now = Instant.now(clock);
        Grant redeemed = writer.write(tx -> {
            Grant g = store.grant(body.code()).orElseThrow(() -> ApiException.notFound("code", ProblemCode.NO_OFFER_CODE, body.code()));
            OfferView offer = store.offer(g.offerId()).orElseThrow(() -> ApiException.notFound("code", ProblemCode.OFFER_GONE));
            if (g.redeemedAt() != null) {
                throw ApiException.conflict("code", ProblemCode.ALREADY_REDEEMED, g.redeemedAt(), g.redeemedIn());
            }
            if (now.isBefore(offer.definition().validFrom()) || !now.isBefore(offer.definition().validTo())) {
                throw ApiException.conflict("code", ProblemCode.OFFER_NOT_VALID_NOW, offer.definition().validFrom(),
                        offer.definition().validTo());
            }
            if (!offer.definition().storeIds().isEmpty() && !offer.definition().storeIds().contains(storeId)) {
                throw ApiException.conflict("code", ProblemCode.OFFER_NOT_VALID_HERE, storeId);
            }
            Grant next = g.redeemed(now, storeId);
            store.putGrant(next, tx);
            if (g.uid() != null) {
                String category = offer.definition().category() != null ? offer.definition().category()
                        : Optional.ofNullable(offer.definition().gtin()).flatMap(x -> catalog.product(x.value())).map(Product::category).orElse(null);
                signals.redeemed(g.uid(), offer.definition().gtin() == null ? null : offer.definition().gtin().value(), category,
                        storeId, now, tx);
            }
            return next;
        });
        Responses.json(res, new Redemption(redeemed.code(), redeemed.offerId(), redeemed.redeemedAt(), storeId));
    }

    private void scan(Caller caller, ServerRequest req, ServerResponse res) {
        ScanRequest body = JsonBody.read(req, ScanRequest.class);
        Product product = catalog.product(body.gtin().value())
                .orElseThrow(() -> ApiException.badRequest("gtin", ProblemCode.NO_PRODUCT, body.gtin().value()));
        if (body.storeId() != null && catalog.store(body.storeId()).isEmpty()) {
            throw ApiException.badRequest("storeId", ProblemCode.UNKNOWN_STORE, body.storeId());
        }
        Instant now = Instant.now(clock);
        boolean learned = writer.write(tx -> signals.scanned(caller.uid(), product.gtin().value(), product.category(),
                body.storeId(), now, tx));
        Responses.json(res, new ScanResult(learned));
    }

    /**
     * A redemption at the till.
     *
     * @param code    the scanned code
     * @param storeId the store (admins only; staff redeem in their own store)
     */
    public record RedeemRequest(String code, String storeId) {
        /** Validates the code. */
        public RedeemRequest {
            code = InvalidFieldException.requiredText(code, "code", 32);
        }
    }

    /**
     * A scan reported by the app.
     *
     * @param gtin    the product
     * @param storeId where, if known
     */
    public record ScanRequest(Gtin gtin, String storeId) {
        /** Validates the scan. */
        public ScanRequest {
            InvalidFieldException.required(gtin, "gtin");
        }
    }
}
