package de.kundenpuls.server.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.Message;
import de.kundenpuls.model.campaign.AbComparison;
import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.CampaignPreview;
import de.kundenpuls.model.campaign.CampaignReview;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.campaign.TestSend;
import de.kundenpuls.model.campaign.PushEventResult;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.InvalidRequestException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Languages;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.api.ServiceUnavailableException;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Store;
import de.kundenpuls.server.offer.OfferStore;
import de.kundenpuls.server.profile.CustomerSignals;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.push.PushMessage;
import de.kundenpuls.server.push.PushOutcome;
import de.kundenpuls.server.storage.StorageWriter;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Push campaigns for marketers ({@code /api/campaigns}) and the app's report of opened messages
 * ({@code POST /api/me/push-events}).
 *
 * <pre>
 * curl -X POST -H "Authorization: Bearer $MARKETER" -H 'Content-Type: application/json' \
 *      -d '{"name":"Wochenende","audience":{},"variants":[{"locale":"de","title":"Hallo {firstName}","body":"Neu in {store}"}]}' \
 *      http://localhost:8080/api/campaigns
 * curl -X POST -H "Authorization: Bearer $MARKETER" http://localhost:8080/api/campaigns/$ID/send
 * curl -H "Authorization: Bearer $MARKETER" http://localhost:8080/api/campaigns/$ID
 * </pre>
 */
public final class CampaignService {

    private final Access access;
    private final CampaignStore store;
    private final AudienceRules rules;
    private final Profiles profiles;
    private final CustomerSignals signals;
    private final Catalog catalog;
    private final OfferStore offers;
    private final CampaignSender sender;
    private final StorageWriter writer;
    private final Clock clock;
    /**
     * Creates the service.
     *
     * @param access   access rules
     * @param store    campaigns
     * @param rules    audience evaluation
     * @param profiles profiles
     * @param catalog  stores and categories
     * @param offers   offers (codes, redemptions)
     * @param sender   the background sender
     * @param writer   the storage writer
     * @param clock    the clock
     */
    public CampaignService(Access access, CampaignStore store, AudienceRules rules, Profiles profiles, Catalog catalog,
                           OfferStore offers, CampaignSender sender, StorageWriter writer, Clock clock) {
        this.access = access;
        this.store = store;
        this.rules = rules;
        this.profiles = profiles;
        this.signals = new CustomerSignals(profiles);
        this.catalog = catalog;
        this.offers = offers;
        this.sender = sender;
        this.writer = writer;
        this.clock = clock;
    }

    /** Routes under {@code /api/campaigns}. */
    public HttpService campaigns() {
        return rules -> rules.get("/", access.allow(this::list, Role.MARKETER, Role.ADMIN))
                .post("/", access.allow(this::create, Role.MARKETER, Role.ADMIN))
                .post("/preview", access.allow(this::previewDraft, Role.MARKETER, Role.ADMIN))
                .get("/{id}", access.allow((c, req, res) -> Responses.json(res, view(campaign(req))), Role.MARKETER, Role.ADMIN))
                .put("/{id}", access.allow(this::update, Role.MARKETER, Role.ADMIN))
                .delete("/{id}", access.allow(this::delete, Role.MARKETER, Role.ADMIN))
                .get("/{id}/preview", access.allow(this::preview, Role.MARKETER, Role.ADMIN))
                .get("/{id}/review", access.allow(this::review, Role.MARKETER, Role.ADMIN))
                .post("/{id}/test", access.allow(this::testSend, Role.MARKETER, Role.ADMIN))
                .post("/{id}/send", access.allow(this::send, Role.MARKETER, Role.ADMIN));
    }

    /** Routes under {@code /api/me} for the app. */
    public HttpService me() {
        return rules -> rules.post("/push-events", access.allow(this::pushEvent, Role.SHOPPER));
    }

    private Campaign campaign(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        return store.campaign(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_CAMPAIGN, id));
    }

    private void list(Caller caller, ServerRequest req, ServerResponse res) {
        List<CampaignView> views = store.campaigns().stream().sorted(Comparator.comparing(Campaign::createdAt).reversed())
                .map(this::view).toList();
        Responses.json(res, Map.of("items", views));
    }

    private void create(Caller caller, ServerRequest req, ServerResponse res) {
        CampaignDefinition d = JsonBody.read(req, CampaignDefinition.class);
        check(d);
        Campaign c = new Campaign(UUID.randomUUID().toString(), d, "draft", Instant.now(clock), caller.uid(), null, null);
        writer.write(tx -> {
            store.put(c, tx);
            return null;
        });
        res.headers().location(java.net.URI.create("/api/campaigns/" + c.id()));
        Responses.json(res, Status.CREATED_201, view(c));
    }

    /** A draft is edited in place; once it is scheduled or sending, its definition is what went out. */
    private void update(Caller caller, ServerRequest req, ServerResponse res) {
        Campaign c = campaign(req);
        CampaignDefinition d = JsonBody.read(req, CampaignDefinition.class);
        check(d);
        Campaign updated = writer.write(tx -> {
            Campaign current = draft(c.id());
            Campaign next = new Campaign(current.id(), d, "draft", current.createdAt(), current.createdBy(), null, null);
            store.put(next, tx);
            return next;
        });
        Responses.json(res, view(updated));
    }

    private void delete(Caller caller, ServerRequest req, ServerResponse res) {
        Campaign c = campaign(req);
        writer.write(tx -> {
            store.remove(draft(c.id()).id(), tx);
            return null;
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The campaign as stored now, if it is still a draft (writer thread: no send can start in between). */
    private Campaign draft(String id) {
        Campaign current = store.campaign(id).orElseThrow(() -> ApiException.notFound("id", ProblemCode.NO_CAMPAIGN, id));
        if (!current.state().equals("draft")) {
            throw ApiException.conflict("state", ProblemCode.CAMPAIGN_STATE, current.state());
        }
        return current;
    }

    private void check(CampaignDefinition d) {
        var a = d.audience();
        for (int i = 0; i < a.homeStoreIds().size(); i++) {
            if (catalog.store(a.homeStoreIds().get(i)).isEmpty()) {
                throw ApiException.badRequest("audience.homeStoreIds[" + i + "]", ProblemCode.UNKNOWN_STORE, a.homeStoreIds().get(i));
            }
        }
        if (a.category() != null && !catalog.categories().containsKey(a.category())) {
            throw ApiException.badRequest("audience.category", ProblemCode.UNKNOWN_CATEGORY, a.category());
        }
        String offerText = "";
        if (d.offerId() != null) {
            OfferView offer = offers.offer(d.offerId()).orElseThrow(() -> ApiException.badRequest("offerId",
                    ProblemCode.NO_OFFER, d.offerId()));
            offerText = offer.definition().benefit() + " " + offer.definition().title().values().stream()
                    .max(Comparator.comparingInt(String::length)).orElse("");
        }
        // FCM refuses payloads over 4096 bytes: check the longest possible rendering now, not per recipient later.
        String longestStore = catalog.stores().stream().map(Store::name).max(Comparator.comparingInt(String::length)).orElse("");
        Profile worst = new Profile("x", new Contact("X".repeat(100), null, null, null, null, null), null, "de", null,
                Map.of(), List.of(), Map.of(), List.of(), Instant.EPOCH, Instant.EPOCH);
        for (int i = 0; i < d.variants().size(); i++) {
            var v = d.variants().get(i);
            try {
                new PushMessage("token", MessageRenderer.fill(v.title(), worst, longestStore, offerText),
                        MessageRenderer.fill(v.body(), worst, longestStore, offerText), Map.of("kind", "campaign", "code", "2900000000000"));
            } catch (InvalidFieldException e) {
                throw new InvalidRequestException("variants[" + i + "].body", e.message());
            }
        }
    }

    /** The audience size and samples of a campaign still being composed (the console's live count). */
    private void previewDraft(Caller caller, ServerRequest req, ServerResponse res) {
        CampaignDefinition d = JsonBody.read(req, CampaignDefinition.class);
        check(d);
        Responses.json(res, preview(new Campaign("draft", d, "draft", Instant.now(clock), caller.uid(), null, null)));
    }

    private void preview(Caller caller, ServerRequest req, ServerResponse res) {
        Responses.json(res, preview(campaign(req)));
    }

    /**
     * The audience size and one rendered message per text (variant × language), each filled in for
     * the first person of the audience who speaks that language, else for the first person at all,
     * else for an example shopper: the preview can then switch between languages and variants.
     */
    private CampaignPreview preview(Campaign c) {
        Instant now = Instant.now(clock);
        CampaignDefinition d = c.definition();
        AudienceRules.Matches targets = rules.evaluate(d.audience(), profiles, now);
        Map<String, Profile> firstByLocale = new LinkedHashMap<>();
        int read = 0;
        for (AudienceRules.Target t : targets) {
            firstByLocale.putIfAbsent(t.profile().locale(), t.profile());
            // Two languages: a few dozen profiles find both, or show that one is missing.
            if (firstByLocale.size() == 2 || ++read == 50) {
                break;
            }
        }
        List<CampaignPreview.Sample> samples = new ArrayList<>();
        for (var text : d.variants()) {
            Profile p = firstByLocale.getOrDefault(text.locale(), firstByLocale.values().stream().findFirst()
                    .orElseGet(() -> example(d, text.locale())));
            samples.add(render(d, text, p));
        }
        return new CampaignPreview(targets.size(), samples);
    }

    private CampaignPreview.Sample render(CampaignDefinition d, CampaignDefinition.Variant text, Profile p) {
        String storeName = catalog.store(p.homeStoreId()).map(Store::name).orElse("");
        String offerText = Optional.ofNullable(d.offerId()).flatMap(offers::offer)
                .map(o -> MessageRenderer.offerText(o, text.locale())).orElse("");
        return new CampaignPreview.Sample(text.id(), text.locale(), MessageRenderer.fill(text.title(), p, storeName, offerText),
                MessageRenderer.fill(text.body(), p, storeName, offerText));
    }

    /** A shopper of the audience's first store to fill the texts with while nobody matches yet. */
    private Profile example(CampaignDefinition d, String locale) {
        String storeId = d.audience().homeStoreIds().stream().findFirst()
                .orElse(catalog.stores().stream().map(Store::id).findFirst().orElse(null));
        return new Profile("example", new Contact("Alex", null, null, null, null, null), null, locale, storeId,
                Map.of(), List.of(), Map.of(), List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    /**
     * What sending would do now: the audience and its split, when, and whom the quiet hours and
     * the contact budget hold back. Counted on the audience index (a store's quiet hours hold for all its shoppers at once),
     * so it answers as fast as the live count.
     */
    private void review(Caller caller, ServerRequest req, ServerResponse res) {
        Campaign c = campaign(req);
        CampaignDefinition d = c.definition();
        Instant now = Instant.now(clock);
        Instant sendAt = d.scheduleAt() != null && d.scheduleAt().isAfter(now) ? d.scheduleAt() : now;
        AudienceRules.Matches matches = rules.evaluate(d.audience(), profiles, now);
        long size = matches.size();
        List<CampaignReview.Split> split = new ArrayList<>();
        MessageRenderer.shares(d).forEach((id, share) -> split.add(new CampaignReview.Split(id, share, Math.round(size * share / 100.0))));
        CampaignDefinition.QuietHours quiet = sender.quietHours(d);
        long inQuiet = quiet == null ? 0 : inQuietHours(d, quiet, sendAt, size);
        String offerTitle = Optional.ofNullable(d.offerId()).flatMap(offers::offer)
                .map(o -> MessageRenderer.offerText(o, Languages.of(req)))
                .orElse(null);
        Responses.json(res, new CampaignReview(size, split, d.scheduleAt() != null && d.scheduleAt().isAfter(now) ? d.scheduleAt() : null,
                quiet, inQuiet, sender.frequencyCap(d), offerTitle, sender.budget().rule().orElse(null),
                sender.budget().usedUpAmong(sendAt, uid -> profiles.number(uid).stream().anyMatch(matches::contains))));
    }

    /** How many of the audience live by a store that is in its quiet hours at the given time. */
    private long inQuietHours(CampaignDefinition d, CampaignDefinition.QuietHours quiet, Instant at, long size) {
        List<String> quietStores = new ArrayList<>();
        List<String> awakeStores = new ArrayList<>();
        for (Store s : catalog.stores()) {
            if (d.audience().homeStoreIds().isEmpty() || d.audience().homeStoreIds().contains(s.id())) {
                boolean asleep = quiet.contains(java.time.LocalTime.ofInstant(at, CampaignSender.zoneOf(Optional.of(s))));
                (asleep ? quietStores : awakeStores).add(s.id());
            }
        }
        // Shoppers without a home store read the chain's zone: count from whichever side holds them.
        boolean chainAsleep = quiet.contains(java.time.LocalTime.ofInstant(at, CampaignSender.zoneOf(Optional.empty())));
        if (chainAsleep) {
            return size - count(d, awakeStores, at);
        }
        return count(d, quietStores, at);
    }

    private long count(CampaignDefinition d, List<String> stores, Instant at) {
        if (stores.isEmpty()) {
            return 0;
        }
        var a = d.audience();
        var narrowed = new CampaignDefinition.Audience(stores, a.locales(), a.platforms(), a.category(), a.minAffinity(),
                a.npsGroups(), a.visitedWithinDays(), a.ageBands());
        return rules.evaluate(narrowed, profiles, at).size();
    }

    /**
     * Sends every text of the campaign in the sender's language to the devices registered with the
     * sender's own account, now and to nobody else. Nothing is recorded: no recipient, no code, no
     * count in the funnel, no frequency cap used up.
     */
    private void testSend(Caller caller, ServerRequest req, ServerResponse res) {
        Campaign c = campaign(req);
        var push = sender.gateway().orElseThrow(() -> new ServiceUnavailableException(Message.of(ProblemCode.PUSH_UNAVAILABLE)));
        Profile me = profiles.find(caller.uid()).filter(p -> !p.devices().isEmpty())
                .orElseThrow(() -> ApiException.conflict("devices", ProblemCode.NO_TEST_DEVICE));
        String locale = me.locale() == null ? Languages.of(req) : me.locale();
        List<PushMessage> messages = new ArrayList<>();
        for (String variant : MessageRenderer.shares(c.definition()).keySet()) {
            var text = MessageRenderer.text(c.definition(), variant, locale);
            CampaignPreview.Sample sample = render(c.definition(), text, me);
            for (var device : me.devices()) {
                messages.add(new PushMessage(device.token(), sample.title(), sample.body(),
                        Map.of("kind", "campaign-test", "campaignId", c.id(), "variant", variant)));
            }
        }
        long sent = push.send(messages).stream().filter(o -> o.kind() == PushOutcome.Kind.SENT).count();
        Responses.json(res, new TestSend(me.devices().size(), messages.size(), (int) sent));
    }

    private void send(Caller caller, ServerRequest req, ServerResponse res) {
        Campaign c = campaign(req);
        Instant now = Instant.now(clock);
        Campaign started = writer.write(tx -> {
            Campaign current = store.campaign(c.id()).orElseThrow();
            if (!current.state().equals("draft")) {
                throw ApiException.conflict("state", ProblemCode.CAMPAIGN_STATE, current.state());
            }
            boolean later = current.definition().scheduleAt() != null && current.definition().scheduleAt().isAfter(now);
            Campaign next = current.withState(later ? "scheduled" : "sending", later ? null : now, null);
            store.put(next, tx);
            return next;
        });
        sender.nudge();
        Responses.json(res, Status.ACCEPTED_202, view(started));
    }

    private void pushEvent(Caller caller, ServerRequest req, ServerResponse res) {
        PushEvent event = JsonBody.read(req, PushEvent.class);
        Campaign c = store.campaign(event.campaignId())
                .orElseThrow(() -> ApiException.badRequest("campaignId", ProblemCode.NO_CAMPAIGN, event.campaignId()));
        Instant now = Instant.now(clock);
        Optional<Long> at = store.recipientIndex(c.id(), caller.uid());
        boolean recorded = at.isPresent() && writer.write(tx -> {
            CampaignRecipients of = store.recipients(c.id()).orElseThrow();
            Recipient r = of.get(at.get());
            if (!caller.uid().equals(r.uid()) || r.openedAt() != null || !r.state().equals("sent")) {
                return false;
            }
            store.update(of, at.get(), r.opened(now), tx);
            signals.pushOpened(caller.uid(), c.definition().audience().category(), now, tx);
            return true;
        });
        Responses.json(res, new PushEventResult(recorded));
    }

    /** The campaign with stats from its recipients' counts and its codes' tallies. */
    /** Stats slots: the recipients' counts, then redeemed codes. */
    private static final int REDEEMED = CampaignRecipients.SLOTS;
    private static final int WIDTH = REDEEMED + 1;

    CampaignView view(Campaign c) {
        Map<String, long[]> perVariant = new LinkedHashMap<>();
        MessageRenderer.shares(c.definition()).keySet().forEach(v -> perVariant.put(v, new long[WIDTH]));
        store.recipients(c.id()).ifPresent(of -> of.counts().forEach((variant, counted) -> {
            long[] n = perVariant.computeIfAbsent(variant, k -> new long[WIDTH]);
            System.arraycopy(counted, 0, n, 0, CampaignRecipients.SLOTS);
        }));
        if (c.definition().offerId() != null) {
            String prefix = "campaign:" + c.id() + ":";
            offers.tallies(prefix).forEach((source, tally) ->
                    perVariant.computeIfAbsent(source.substring(prefix.length()), k -> new long[WIDTH])[REDEEMED] += tally.redeemed());
        }
        long[] total = new long[WIDTH];
        Map<String, CampaignView.Stats> variants = new LinkedHashMap<>();
        perVariant.forEach((v, n) -> {
            for (int i = 0; i < WIDTH; i++) {
                total[i] += n[i];
            }
            variants.put(v, stats(n, null));
        });
        return new CampaignView(c.id(), c.definition(), c.state(), c.createdAt(), c.startedAt(), c.finishedAt(), stats(total, variants),
                comparison(variants));
    }

    /** With exactly two variants, each funnel step of A against B. */
    private static AbComparison comparison(Map<String, CampaignView.Stats> variants) {
        if (variants.size() != 2) {
            return null;
        }
        List<String> ids = new ArrayList<>(variants.keySet());
        CampaignView.Stats a = variants.get(ids.get(0));
        CampaignView.Stats b = variants.get(ids.get(1));
        return new AbComparison(ids.get(0), ids.get(1), List.of(
                TwoProportionTest.test("sent/targeted", a.sent(), a.targeted(), b.sent(), b.targeted()),
                TwoProportionTest.test("opened/sent", a.opened(), a.sent(), b.opened(), b.sent()),
                TwoProportionTest.test("redeemed/opened", a.redeemed(), a.opened(), b.redeemed(), b.opened())));
    }

    private static CampaignView.Stats stats(long[] n, Map<String, CampaignView.Stats> variants) {
        return new CampaignView.Stats(n[CampaignRecipients.TARGETED], n[CampaignRecipients.PENDING], n[CampaignRecipients.WAITING],
                n[CampaignRecipients.SENT],
                n[CampaignRecipients.FAILED], n[CampaignRecipients.UNREGISTERED], n[CampaignRecipients.SUPPRESSED],
                n[CampaignRecipients.BUDGET], n[CampaignRecipients.OPENED], n[REDEEMED], variants);
    }

    /**
     * What the app reports about a push message.
     *
     * @param campaignId the campaign
     * @param event      {@code opened}
     */
    public record PushEvent(String campaignId, String event) {
        /** Validates the event. */
        public PushEvent {
            campaignId = InvalidFieldException.requiredText(campaignId, "campaignId", 64);
            if (!"opened".equals(event)) {
                throw new InvalidFieldException("event", ProblemCode.NOT_ONE_OF, "opened");
            }
        }
    }
}
