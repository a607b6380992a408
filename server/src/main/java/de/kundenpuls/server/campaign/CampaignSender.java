package de.kundenpuls.server.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.campaign.CampaignDefinition;
import de.kundenpuls.model.campaign.CampaignDefinition.Variant;
import de.kundenpuls.model.offer.OfferView;
import de.kundenpuls.model.profile.Device;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Store;
import de.kundenpuls.server.contact.ContactBudget;
import de.kundenpuls.server.offer.OfferService;
import de.kundenpuls.server.offer.OfferStore;
import de.kundenpuls.server.profile.CustomerSignals;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.push.PushGateway;
import de.kundenpuls.server.push.PushMessage;
import de.kundenpuls.server.push.PushOutcome;
import de.kundenpuls.server.storage.StorageWriter;

/**
 * Works through campaigns in the background. Durable and at most once: recipients are chosen and
 * stored first; each chunk is marked {@code sending} in a commit before FCM is called and its
 * outcomes are committed after. A chunk found {@code sending} after a crash may or may not have
 * reached the phones; it is counted as failed ("in doubt") and never sent again, because a second
 * identical push annoys more than a missing one.
 */
public final class CampaignSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CampaignSender.class.getName());
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    private final CampaignStore store;
    private final Profiles profiles;
    private final CustomerSignals signals;
    private final Catalog catalog;
    private final OfferStore offers;
    private final OfferService offerService;
    private final AudienceRules rules;
    private final Optional<PushGateway> gateway;
    private final StorageWriter writer;
    private final Clock clock;
    private final int chunkSize;
    private final Optional<CampaignDefinition.QuietHours> workspaceQuietHours;
    private final Optional<CampaignDefinition.FrequencyCap> workspaceCap;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Object wake = new Object();
    /** Campaigns whose remaining recipients wait for quiet hours to end, and until when (rebuilt by one pass after a restart). */
    private final Map<String, Instant> sleeping = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread thread;
    private final ContactBudget budget;

    /**
     * Creates and starts the sender.
     *
     * @param store        campaigns and recipients
     * @param profiles     profiles
     * @param catalog      stores (names, time zones)
     * @param offers       offers
     * @param offerService issues offer codes
     * @param rules        audience evaluation
     * @param gateway      the push gateway, if push is configured
     * @param writer       the storage writer
     * @param clock        the clock
     * @param chunkSize    recipients per FCM round trip and commit
     * @param workspaceQuietHours quiet hours for every campaign that sets none, if the workspace asks for them
     * @param workspaceCap        frequency cap for every campaign that sets none, if the workspace asks for one
     * @param budget              the contact budget across surveys, campaigns and recovery messages
     */
    public CampaignSender(CampaignStore store, Profiles profiles, Catalog catalog, OfferStore offers, OfferService offerService,
                          AudienceRules rules, Optional<PushGateway> gateway, StorageWriter writer, Clock clock, int chunkSize,
                          Optional<CampaignDefinition.QuietHours> workspaceQuietHours,
                          Optional<CampaignDefinition.FrequencyCap> workspaceCap, ContactBudget budget) {
        this.budget = budget;
        this.workspaceQuietHours = workspaceQuietHours;
        this.workspaceCap = workspaceCap;
        this.store = store;
        this.profiles = profiles;
        this.signals = new CustomerSignals(profiles);
        this.catalog = catalog;
        this.offers = offers;
        this.offerService = offerService;
        this.rules = rules;
        this.gateway = gateway;
        this.writer = writer;
        this.clock = clock;
        this.chunkSize = chunkSize;
        resolveInDoubt();
        this.thread = Thread.ofPlatform().name("kundenpuls-campaign-sender").daemon(true).start(this::loop);
    }

    /** Wakes the sender after a campaign was started. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Marks the chunk in flight at a crash as failed: it may or may not have reached the phones. */
    private void resolveInDoubt() {
        writer.write(tx -> {
            for (Campaign c : store.campaigns()) {
                Optional<CampaignRecipients> of = store.recipients(c.id());
                long[] range = of.map(CampaignRecipients::inFlight).orElse(null);
                if (range == null) {
                    continue;
                }
                for (long i = range[0]; i < range[1]; i++) {
                    Recipient r = of.get().get(i);
                    if (r.state().equals("sending")) {
                        store.update(of.get(), i, r.with("failed", "in doubt after a restart; not sent again"), tx);
                    }
                }
                of.get().inFlight(-1, -1, tx);
            }
            return null;
        });
    }

    private void loop() {
        while (running.get()) {
            try {
                Instant now = clock.instant();
                for (Campaign c : store.campaigns()) {
                    if (!running.get()) {
                        break;
                    }
                    Instant wakeAt = sleeping.get(c.id());
                    boolean due = (c.state().equals("sending") && (wakeAt == null || !now.isBefore(wakeAt)))
                            || (c.state().equals("scheduled") && !now.isBefore(c.definition().scheduleAt()));
                    if (due) {
                        process(c);
                    }
                }
                synchronized (wake) {
                    wake.wait(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Campaign sending failed; retrying", e);
                sleep();
            }
        }
    }

    private void process(Campaign c) {
        if (c.state().equals("scheduled")) {
            Instant now = clock.instant();
            writer.write(tx -> {
                store.put(c.withState("sending", now, null), tx);
                return null;
            });
        }
        if (!store.materialized(c.id())) {
            AudienceRules.Matches matches = rules.evaluate(c.definition().audience(), profiles, clock.instant());
            while (!store.materialized(c.id())) {
                if (!running.get()) {
                    return;
                }
                materializeChunk(c, matches);
            }
        }
        CampaignRecipients of = store.recipients(c.id()).orElseThrow();
        List<Long> pending = new ArrayList<>();
        Instant started = clock.instant();
        Instant nextWake = null;
        for (long i = 0; i < of.size() && running.get(); i++) {
            Recipient r = of.get(i);
            if (r.state().equals("pending")) {
                pending.add(i);
            } else if (r.state().equals(Recipient.WAITING)) {
                Instant until = r.waitsUntil();
                if (until.isAfter(started)) {
                    nextWake = nextWake == null || until.isBefore(nextWake) ? until : nextWake;
                } else {
                    pending.add(i);
                }
            }
            if (pending.size() == chunkSize || (i == of.size() - 1 && !pending.isEmpty())) {
                sendChunk(c.id(), of, pending);
                pending = new ArrayList<>();
            }
        }
        if (!running.get()) {
            return;
        }
        if (nextWake != null) {
            // Some wait for their store's quiet hours to end: the campaign goes on sending then.
            sleeping.put(c.id(), nextWake);
            return;
        }
        sleeping.remove(c.id());
        Instant now = clock.instant();
        writer.write(tx -> {
            Campaign current = store.campaign(c.id()).orElseThrow();
            store.put(current.withState("done", current.startedAt(), now), tx);
            return null;
        });
    }

    /**
     * Sends one chunk. Right before it goes out, each recipient is checked again against the
     * profile as it is now: erased, push consent withdrawn, or the device gone means no message.
     */
    private void sendChunk(String campaignId, CampaignRecipients of, List<Long> indices) {
        List<Recipient> chunk = writer.write(tx -> {
            Instant now = clock.instant();
            List<Recipient> marked = new ArrayList<>();
            for (long i : indices) {
                Recipient r = of.get(i);
                String stale = staleness(r, campaignId, now);
                Recipient next = stale == null ? r.with("sending", null) : r.with("suppressed", stale);
                if (stale == null) {
                    // Counted when the push is committed to go out, not when FCM confirms it: a
                    // survey prompt in between then cannot push the customer over the budget.
                    budget.record(r.uid(), ContactBudget.Kind.CAMPAIGN, campaignId, now, tx);
                }
                store.update(of, i, next, tx);
                marked.add(next);
            }
            of.inFlight(indices.get(0), indices.get(indices.size() - 1) + 1, tx);
            return marked;
        });
        List<Recipient> due = chunk.stream().filter(r -> r.state().equals("sending")).toList();
        List<PushOutcome> outcomes;
        if (due.isEmpty()) {
            outcomes = List.of();
        } else if (gateway.isEmpty()) {
            outcomes = due.stream().map(r -> new PushOutcome(r.token(), PushOutcome.Kind.FAILED, null, "push is not configured")).toList();
        } else {
            List<PushMessage> messages = new ArrayList<>();
            for (Recipient r : due) {
                messages.add(new PushMessage(r.token(), r.title(), r.body(), r.code() == null ? Map.of("kind", "campaign")
                        : Map.of("kind", "campaign", "code", r.code())));
            }
            outcomes = gateway.get().send(messages);
        }
        Instant now = clock.instant();
        writer.write(tx -> {
            int k = 0;
            for (int j = 0; j < indices.size(); j++) {
                if (!chunk.get(j).state().equals("sending")) {
                    continue;
                }
                long i = indices.get(j);
                PushOutcome o = outcomes.get(k++);
                // Erased while the push was in flight: record the outcome on the erased copy only.
                Recipient r = of.get(i);
                boolean erased = r.uid() == null;
                switch (o.kind()) {
                    case SENT -> {
                        store.update(of, i, r.with("sent", o.messageId()), tx);
                        if (!erased) {
                            store.logSent(r.uid(), now, tx);
                        }
                    }
                    case UNREGISTERED -> {
                        store.update(of, i, r.with("unregistered", "token removed from the profile"), tx);
                        if (!erased) {
                            signals.tokensGone(r.uid(), List.of(r.token()), now, tx);
                        }
                    }
                    case RATE_LIMITED -> store.update(of, i, r.with("suppressed", "device rate limit"), tx);
                    default -> store.update(of, i, r.with("failed", o.detail()), tx);
                }
            }
            of.inFlight(-1, -1, tx);
            return null;
        });
    }

    /** Why a chosen recipient must not get the message now, or null. */
    private String staleness(Recipient r, String campaignId, Instant now) {
        if (r.uid() == null) {
            return "erased";
        }
        Optional<Profile> p = profiles.find(r.uid());
        if (p.isEmpty()) {
            return "erased";
        }
        if (!p.get().allows(de.kundenpuls.model.profile.ConsentPurpose.MARKETING_PUSH)) {
            return "push consent withdrawn";
        }
        if (p.get().devices().stream().noneMatch(d -> d.token().equals(r.token()))) {
            return "device no longer registered";
        }
        if (!budget.allows(r.uid(), ContactBudget.Kind.CAMPAIGN, campaignId, now)) {
            return ContactBudget.SKIPPED;
        }
        return null;
    }

    /**
     * Chooses and stores the next chunk of recipients with their variant, text, code or
     * suppression. The profiles are read before the commit, off the writer thread; the commit
     * records how far through the audience it got, so a restart resumes there.
     */
    private void materializeChunk(Campaign c, AudienceRules.Matches matches) {
        Instant now = clock.instant();
        CampaignDefinition d = c.definition();
        CampaignRecipients of = store.recipients(c.id()).orElseGet(() -> writer.write(tx -> store.start(c.id(), tx)));
        int from = of.nextNumber();
        AudienceRules.Chunk next = matches.chunk(from, chunkSize);
        Map<String, Integer> shares = MessageRenderer.shares(d);
        Optional<OfferView> offer = Optional.ofNullable(d.offerId()).flatMap(offers::offer);
        writer.write(tx -> {
            if (of.nextNumber() != from) {
                return null;
            }
            for (AudienceRules.Target t : next.targets()) {
                store.add(c.id(), of, recipient(c, t, shares, offer, now, tx), tx);
            }
            of.advance(next.nextNumber(), next.done(), tx);
            return null;
        });
    }

    private Recipient recipient(Campaign c, AudienceRules.Target t, Map<String, Integer> shares, Optional<OfferView> offer,
                                Instant now, de.kundenpuls.server.storage.Transaction tx) {
        CampaignDefinition d = c.definition();
        Profile p = t.profile();
        Device device = t.device();
        String variant = MessageRenderer.variantOf(c.id(), p.uid(), shares);
        Variant text = MessageRenderer.text(d, variant, p.locale());
        Optional<Store> home = catalog.store(p.homeStoreId());
        String suppressed = suppression(c.id(), d, p, home, now);
        Instant quietUntil = suppressed == null ? quietUntil(d, home, now) : null;
        String code = null;
        String offerText = "";
        if (offer.isPresent() && suppressed == null) {
            code = offerService.issue(offer.get().id(), p.uid(), "campaign:" + c.id() + ":" + variant, null, now, tx).code();
            offerText = MessageRenderer.offerText(offer.get(), p.locale());
        }
        String storeName = home.map(Store::name).orElse("");
        String title = MessageRenderer.fill(text.title(), p, storeName, offerText);
        String body = MessageRenderer.fill(text.body(), p, storeName, offerText);
        String state = suppressed != null ? "suppressed" : quietUntil != null ? Recipient.WAITING : "pending";
        String detail = quietUntil != null ? quietUntil.toString() : suppressed;
        try {
            new PushMessage(device.token(), title, body, code == null ? Map.of() : Map.of("code", code));
        } catch (InvalidFieldException e) {
            state = "failed";
            detail = e.getMessage();
        }
        return new Recipient(p.uid(), device.token(), variant, title, body, code, state, detail, null);
    }

    private String suppression(String campaignId, CampaignDefinition d, Profile p, Optional<Store> home, Instant now) {
        if (!budget.allows(p.uid(), ContactBudget.Kind.CAMPAIGN, campaignId, now)) {
            return ContactBudget.SKIPPED;
        }
        CampaignDefinition.FrequencyCap cap = frequencyCap(d);
        if (cap != null && store.sentSince(p.uid(), now.minus(Duration.ofDays(cap.days()))) >= cap.max()) {
            return "frequency cap";
        }
        return null;
    }

    /**
     * When the quiet hours that hold for this recipient end, if they hold now; else null. The
     * message waits until then instead of being dropped: the customer still gets the offer, at a
     * decent hour of their home store.
     */
    static Instant quietUntil(CampaignDefinition.QuietHours quiet, Instant now, ZoneId zone) {
        if (quiet == null || !quiet.contains(LocalTime.ofInstant(now, zone))) {
            return null;
        }
        java.time.ZonedDateTime local = now.atZone(zone);
        java.time.ZonedDateTime end = local.with(LocalTime.parse(quiet.end()));
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    private Instant quietUntil(CampaignDefinition d, Optional<Store> home, Instant now) {
        return quietUntil(quietHours(d), now, zoneOf(home));
    }

    /** The frequency cap that holds for a campaign: its own, else the workspace's, else null. */
    CampaignDefinition.FrequencyCap frequencyCap(CampaignDefinition d) {
        return d.frequencyCap() != null ? d.frequencyCap() : workspaceCap.orElse(null);
    }

    /** The quiet hours that hold for a campaign: its own, else the workspace's, else null. */
    CampaignDefinition.QuietHours quietHours(CampaignDefinition d) {
        return d.quietHours() != null ? d.quietHours() : workspaceQuietHours.orElse(null);
    }

    /** The zone whose local time the quiet hours are read in: the home store's, else the chain's. */
    static ZoneId zoneOf(Optional<Store> home) {
        return home.map(s -> ZoneId.of(s.timeZone())).orElse(DEFAULT_ZONE);
    }

    /** The contact budget the sender keeps to (the review counts who is over it). */
    ContactBudget budget() {
        return budget;
    }

    /** The push gateway, if push is configured (the test send uses it directly). */
    Optional<PushGateway> gateway() {
        return gateway;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Finishes the chunk in flight, then stops; pending recipients are sent after the next start. */
    @Override
    public void close() {
        running.set(false);
        nudge();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
