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
import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.CampaignPreview;
import de.kundenpuls.model.campaign.CampaignView;
import de.kundenpuls.model.campaign.PushEventResult;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.InvalidRequestException;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Store;
import de.kundenpuls.server.offer.OfferStore;
import de.kundenpuls.server.profile.CustomerSignals;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.push.PushMessage;
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
                .get("/{id}/preview", access.allow(this::preview, Role.MARKETER, Role.ADMIN))
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

    private CampaignPreview preview(Campaign c) {
        Instant now = Instant.now(clock);
        AudienceRules.Matches targets = rules.evaluate(c.definition().audience(), profiles, now);
        Map<String, Integer> shares = MessageRenderer.shares(c.definition());
        Optional<OfferView> offer = Optional.ofNullable(c.definition().offerId()).flatMap(offers::offer);
        List<CampaignPreview.Sample> samples = new ArrayList<>();
        for (AudienceRules.Target t : targets) {
            if (samples.size() == 5) {
                break;
            }
            Profile p = t.profile();
            String variant = MessageRenderer.variantOf(c.id(), p.uid(), shares);
            var text = MessageRenderer.text(c.definition(), variant, p.locale());
            String storeName = catalog.store(p.homeStoreId()).map(Store::name).orElse("");
            String offerText = offer.map(o -> o.definition().benefit() + " " + o.definition().title()
                    .getOrDefault(p.locale(), o.definition().title().get("de"))).orElse("");
            samples.add(new CampaignPreview.Sample(variant, text.locale(), MessageRenderer.fill(text.title(), p, storeName, offerText),
                    MessageRenderer.fill(text.body(), p, storeName, offerText)));
        }
        return new CampaignPreview(targets.size(), samples);
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
    CampaignView view(Campaign c) {
        Map<String, long[]> perVariant = new LinkedHashMap<>();
        MessageRenderer.shares(c.definition()).keySet().forEach(v -> perVariant.put(v, new long[8]));
        store.recipients(c.id()).ifPresent(of -> of.counts().forEach((variant, counted) -> {
            long[] n = perVariant.computeIfAbsent(variant, k -> new long[8]);
            System.arraycopy(counted, 0, n, 0, CampaignRecipients.SLOTS);
        }));
        if (c.definition().offerId() != null) {
            String prefix = "campaign:" + c.id() + ":";
            offers.tallies(prefix).forEach((source, tally) ->
                    perVariant.computeIfAbsent(source.substring(prefix.length()), k -> new long[8])[7] += tally.redeemed());
        }
        long[] total = new long[8];
        Map<String, CampaignView.Stats> variants = new LinkedHashMap<>();
        perVariant.forEach((v, n) -> {
            for (int i = 0; i < 8; i++) {
                total[i] += n[i];
            }
            variants.put(v, stats(n, null));
        });
        return new CampaignView(c.id(), c.definition(), c.state(), c.createdAt(), c.startedAt(), c.finishedAt(), stats(total, variants));
    }

    private static CampaignView.Stats stats(long[] n, Map<String, CampaignView.Stats> variants) {
        return new CampaignView.Stats(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], variants);
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
