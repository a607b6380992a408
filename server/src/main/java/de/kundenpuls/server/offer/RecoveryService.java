package de.kundenpuls.server.offer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.offer.RecoverySetting;
import de.kundenpuls.model.offer.RecoveryStats;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Store;
import de.kundenpuls.server.contact.ContactBudget;
import de.kundenpuls.server.feedback.AnswerListener;
import de.kundenpuls.server.feedback.FeedbackEntry;
import de.kundenpuls.server.profile.CustomerSignals;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.push.PushGateway;
import de.kundenpuls.server.push.PushMessage;
import de.kundenpuls.server.push.PushOutcome;
import de.kundenpuls.server.storage.StorageWriter;
import de.kundenpuls.server.storage.Transaction;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Service recovery: a signed-in detractor gets the store's recovery offer at once — pushed while
 * they may still be in the store when they allow {@code marketing_push}, otherwise waiting in
 * their offers — and the effect is measured: redemptions and the shopper's next rating at that
 * store, as a recovery rate per store.
 *
 * <pre>
 * curl -X PUT -H "Authorization: Bearer $MARKETER" -H 'Content-Type: application/json' \
 *      -d '{"offerId":"…"}' http://localhost:8080/api/recovery/settings/berlin-mitte
 * curl -H "Authorization: Bearer $MARKETER" http://localhost:8080/api/recovery/stats
 * </pre>
 */
public final class RecoveryService implements AnswerListener, HttpService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RecoveryService.class.getName());
    private static final Duration ONE_PER = Duration.ofDays(7);

    private final Access access;
    private final OfferStore store;
    private final OfferService offers;
    private final Profiles profiles;
    private final CustomerSignals signals;
    private final Catalog catalog;
    private final StorageWriter writer;
    private final Optional<PushGateway> push;
    private final Clock clock;
    private final ContactBudget budget;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Creates the service.
     *
     * @param access   access rules
     * @param store    offers and grants
     * @param offers   issues grants
     * @param profiles profiles (consent, devices)
     * @param catalog  stores
     * @param writer   the storage writer
     * @param push     the push gateway, when push is configured
     * @param budget   the contact budget (the apology counts; it may be exempt from the limit)
     * @param clock    the clock
     */
    public RecoveryService(Access access, OfferStore store, OfferService offers, Profiles profiles, Catalog catalog,
                           StorageWriter writer, Optional<PushGateway> push, ContactBudget budget, Clock clock) {
        this.budget = budget;
        this.access = access;
        this.store = store;
        this.offers = offers;
        this.profiles = profiles;
        this.signals = new CustomerSignals(profiles);
        this.catalog = catalog;
        this.writer = writer;
        this.push = push;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/settings/{storeId}", access.allow(this::settings, Role.MARKETER, Role.ADMIN))
                .get("/stats", access.allow(this::stats, Role.STAFF, Role.MARKETER, Role.ADMIN));
    }

    @Override
    public void accepted(FeedbackEntry e, Transaction tx) {
        if (e.profileUid() == null) {
            return;
        }
        Instant now = clock.instant();
        // The next rating after a recovery offer at that store tells whether the relationship recovered.
        if (e.rating() != null) {
            for (Grant g : store.grantsOf(e.profileUid()).stream().filter(g -> g.recovery() && e.storeId().equals(g.storeId())
                    && g.nextRating() == null && g.issuedAt().isBefore(e.receivedAt())).toList()) {
                store.putGrant(g.withNextRating(e.rating()), tx);
            }
        }
        if (!e.unhappy()) {
            return;
        }
        Optional<OfferView> offer = store.recoveryOffer(e.storeId()).flatMap(store::offer)
                .filter(o -> now.isBefore(o.definition().validTo()));
        if (offer.isEmpty()) {
            return;
        }
        boolean recent = store.grantsOf(e.profileUid()).stream().anyMatch(g -> g.recovery() && e.storeId().equals(g.storeId())
                && g.issuedAt().isAfter(now.minus(ONE_PER)));
        if (recent) {
            return;
        }
        Grant grant = offers.issue(offer.get().id(), e.profileUid(), "recovery", e.storeId(), now, tx);
        Optional<Profile> profile = profiles.find(e.profileUid());
        if (push.isPresent() && profile.isPresent() && profile.get().allows(ConsentPurpose.MARKETING_PUSH)
                && !profile.get().devices().isEmpty()) {
            if (!budget.allows(e.profileUid(), ContactBudget.Kind.RECOVERY, grant.code(), now)) {
                // The code still waits in the app's inbox; only the push is left out.
                store.putGrant(grant.pushed("skipped: " + ContactBudget.SKIPPED), tx);
                return;
            }
            String exempt = budget.usedUp(e.profileUid(), now) ? " (exempt from the contact budget)" : "";
            budget.record(e.profileUid(), ContactBudget.Kind.RECOVERY, grant.code(), now, tx);
            List<Device> devices = profile.get().devices();
            String lang = profile.get().locale();
            var d = offer.get().definition();
            String storeName = catalog.store(e.storeId()).map(Store::name).orElse(e.storeId());
            String title = "de".equals(lang) ? "Das tut uns leid" : "We are sorry";
            String body = ("de".equals(lang) ? "Als Entschuldigung: " : "As an apology: ") + d.benefit() + " – "
                    + d.title().getOrDefault(lang, d.title().get("de")) + " (" + storeName + ")";
            // Sent after the commit, so the push never announces an offer that could still be lost.
            tx.afterCommit(() -> sender.submit(() -> {
                try {
                    List<PushOutcome> outcomes = push.get().send(devices.stream().map(dev -> new PushMessage(dev.token(), title, body,
                            Map.of("offerId", grant.offerId(), "code", grant.code(), "kind", "recovery"))).toList());
                    record(grant, outcomes, exempt);
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "Recovery push failed; the offer waits in the inbox", ex);
                }
            }));
        }
    }

    /** Every recipient's outcome is kept; dead tokens leave the profile. */
    private void record(Grant grant, List<PushOutcome> outcomes, String exempt) {
        Instant now = clock.instant();
        String summary = outcomes.stream().anyMatch(o -> o.kind() == PushOutcome.Kind.SENT) ? "sent" + exempt
                : outcomes.stream().map(o -> o.kind().name().toLowerCase(java.util.Locale.ROOT)).findFirst().orElse("none");
        List<String> dead = outcomes.stream().filter(o -> o.kind() == PushOutcome.Kind.UNREGISTERED).map(PushOutcome::token).toList();
        writer.write(tx -> {
            store.grant(grant.code()).ifPresent(g -> store.putGrant(g.pushed(summary), tx));
            if (!dead.isEmpty() && grant.uid() != null) {
                signals.tokensGone(grant.uid(), dead, now, tx);
            }
            return null;
        });
    }

    private void settings(Caller caller, ServerRequest req, ServerResponse res) {
        String storeId = req.path().pathParameters().get("storeId");
        if (catalog.store(storeId).isEmpty()) {
            throw ApiException.notFound("storeId", ProblemCode.NO_STORE, storeId);
        }
        Settings body = JsonBody.read(req, Settings.class);
        OfferView offer = store.offer(body.offerId()).orElseThrow(() -> ApiException.badRequest("offerId", ProblemCode.NO_OFFER, body.offerId()));
        if (!offer.definition().storeIds().isEmpty() && !offer.definition().storeIds().contains(storeId)) {
            throw ApiException.badRequest("offerId", ProblemCode.OFFER_NOT_FOR_STORE, storeId);
        }
        writer.write(tx -> {
            store.setRecoveryOffer(storeId, offer.id(), tx);
            return null;
        });
        Responses.json(res, new RecoverySetting(storeId, offer.id()));
    }

    private void stats(Caller caller, ServerRequest req, ServerResponse res) {
        Map<String, RecoveryStats> perStore = new LinkedHashMap<>();
        for (Store s : catalog.stores()) {
            if (caller.role() == Role.STAFF && !caller.storeId().orElseThrow().equals(s.id())) {
                continue;
            }
            GrantTally tally = store.tally("recovery:" + s.id());
            long redeemed = tally.redeemed();
            long followedUp = tally.nextRatings();
            long recovered = tally.recovered();
            perStore.put(s.id(), new RecoveryStats(store.recoveryOffers().get(s.id()), tally.offered(), tally.pushed(), redeemed,
                    followedUp, recovered, tally.offered() == 0 ? null : 100.0 * redeemed / tally.offered(),
                    followedUp == 0 ? null : 100.0 * recovered / followedUp));
        }
        Responses.json(res, perStore);
    }

    @Override
    public void close() {
        sender.shutdown();
    }

    /**
     * A store's recovery settings.
     *
     * @param offerId the offer given to detractors
     */
    public record Settings(String offerId) {
        /** Validates the id. */
        public Settings {
            offerId = InvalidFieldException.requiredText(offerId, "offerId", 64);
        }
    }
}
