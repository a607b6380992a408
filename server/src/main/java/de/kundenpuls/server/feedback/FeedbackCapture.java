package de.kundenpuls.server.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.Message;
import de.kundenpuls.model.Messages;
import de.kundenpuls.model.Problem;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.BatchResult.ItemResult;
import de.kundenpuls.model.feedback.BatchResult.Status;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.survey.SurveyView;
import de.kundenpuls.server.analytics.AnswerAggregates;
import de.kundenpuls.server.analytics.CommentTerms;
import de.kundenpuls.server.analytics.LiveEvents;
import de.kundenpuls.server.analytics.Rollups;
import de.kundenpuls.server.analytics.ScoreCounts;
import de.kundenpuls.server.analytics.TopicIndex;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.Json;
import de.kundenpuls.server.api.JsonBody;
import de.kundenpuls.server.api.TooManyRequestsException;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.Product;
import de.kundenpuls.server.catalog.Store;
import de.kundenpuls.server.profile.CustomerSignals;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.ratelimit.KeyedLimiter;
import de.kundenpuls.server.storage.StorageWriter;
import de.kundenpuls.server.storage.Transaction;
import de.kundenpuls.server.survey.SurveyAnswers;
import de.kundenpuls.server.survey.SurveyStore;

/**
 * Takes batches of answers from the app and kiosks. Every item is judged on its own (one bad item
 * never blocks the others); the accepted ones, their aggregates, the profile learning and the
 * listeners' changes (a follow-up case, the NPS of a campaign) go into one commit, and the reply
 * is sent only after it. Parsing, validation, encoding and score counts are done before the
 * writer is asked, so its thread only decides duplicates and intervals and applies.
 */
public final class FeedbackCapture {

    /** How long after it was given a past answer counts as received (never later than now). */
    private static final Duration HISTORY_DELAY = Duration.ofMinutes(1);

    private final FeedbackStore store;
    private final AnswerAggregates aggregates;
    private final CustomerSignals signals;
    private final Catalog catalog;
    private final SurveyStore surveys;
    private final LiveEvents events;
    private final StorageWriter writer;
    private final CaptureSettings settings;
    private final Clock clock;
    private final java.util.concurrent.CopyOnWriteArrayList<AnswerListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    // Last accepted createdAt per device, for the minimum interval; touched on the writer thread
    // only. Bounded: a device silent for an hour has no interval left to enforce.
    private final Cache<String, Instant> lastByDevice = Caffeine.newBuilder().maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofHours(1)).executor(Runnable::run).build();
    // How many new answers one identity may send, on the server's clock: createdAt alone is the
    // sender's word, and a flood with createdAt spaced out would pass the interval above.
    private final KeyedLimiter shopperLimits;
    private final KeyedLimiter kioskLimits;

    /**
     * Creates the capture.
     *
     * @param store      raw answers
     * @param aggregates what analytics keeps of each answer (roll-ups, alerts)
     * @param profiles   profiles (linking, learning)
     * @param catalog    stores, touchpoints, products
     * @param surveys    survey versions
     * @param events     live events
     * @param writer     the storage writer
     * @param settings   capture rules
     * @param clock      the clock
     */
    public FeedbackCapture(FeedbackStore store, AnswerAggregates aggregates, Profiles profiles, Catalog catalog,
                           SurveyStore surveys, LiveEvents events, StorageWriter writer, CaptureSettings settings, Clock clock) {
        this.store = store;
        this.aggregates = aggregates;
        this.signals = new CustomerSignals(profiles);
        this.catalog = catalog;
        this.surveys = surveys;
        this.events = events;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.shopperLimits = new KeyedLimiter(settings.shopperRate(), 1_000_000);
        this.kioskLimits = new KeyedLimiter(settings.kioskRate(), 100_000);
    }

    /**
     * Adds a listener that hears of every accepted answer inside its commit.
     *
     * @param listener the listener
     */
    public void addListener(AnswerListener listener) {
        listeners.add(listener);
    }

    /**
     * Captures a batch.
     *
     * @param who    the signed-in caller: a shopper (also an anonymous app account) or a kiosk
     * @param body   the request body {@code {"items":[…]}}
     * @param reader the language in which the caller reads why an item was refused
     * @return one result per item, in order
     * @throws TooManyRequestsException when the batch's new answers are more than the caller's
     *                                  rate allows now; nothing of the batch is stored then
     */
    public BatchResult capture(Caller who, JsonNode body, Locale reader) {
        Optional<Caller> caller = Optional.of(who);
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw ApiException.badRequest("items", ProblemCode.BODY_SHAPE, "{\"items\":[…]}");
        }
        if (items.size() > settings.maxBatchSize()) {
            throw ApiException.badRequest("items", ProblemCode.BATCH_TOO_LARGE, settings.maxBatchSize(), items.size());
        }
        var unknown = body.fieldNames();
        while (unknown.hasNext()) {
            String name = unknown.next();
            if (!name.equals("items")) {
                throw ApiException.badRequest(name, ProblemCode.UNKNOWN_FIELD, name);
            }
        }
        Instant now = clock.instant();
        List<Object> prepared = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            prepared.add(prepare(i, items.get(i), caller, now, reader, false));
        }
        return store(who, prepared, now, reader, true);
    }

    /**
     * Captures answers given in the past, as if each had arrived a minute after it was given: the
     * same validation (except the age window), storage, aggregates, profile learning and listeners
     * (a case opens with its time then), without the caller's answer rate. The embedded demo
     * writes its history through this; no endpoint calls it.
     *
     * @param who   the caller the answers come from: a shopper or a kiosk
     * @param items the answers, at most the batch size
     * @return one result per item, in order
     */
    public BatchResult history(Caller who, List<FeedbackItem> items) {
        if (items.size() > settings.maxBatchSize()) {
            throw ApiException.badRequest("items", ProblemCode.BATCH_TOO_LARGE, settings.maxBatchSize(), items.size());
        }
        Instant now = clock.instant();
        List<Object> prepared = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            prepared.add(prepare(i, Json.mapper().valueToTree(items.get(i)), Optional.of(who), now, Locale.ENGLISH, true));
        }
        return store(who, prepared, now, Locale.ENGLISH, false);
    }

    /** Stores the prepared items that are new and not too soon, in one commit. */
    private BatchResult store(Caller who, List<Object> prepared, Instant now, Locale reader, boolean limited) {
        return writer.write(tx -> {
            if (limited) {
                limit(who, fresh(prepared));
            }
            List<ItemResult> results = new ArrayList<>(prepared.size());
            Set<UUID> inBatch = new HashSet<>();
            Map<String, Integer> acceptedPerStore = new HashMap<>();
            List<FeedbackEntry> acceptedEntries = new ArrayList<>();
            TopicIndex.Batch topics = aggregates.topicBatch();
            List<byte[]> encoded = new ArrayList<>();
            for (Object p : prepared) {
                if (p instanceof ItemResult rejected) {
                    results.add(rejected);
                    continue;
                }
                Accepted a = (Accepted) p;
                UUID id = a.entry().id();
                if (store.contains(id) || !inBatch.add(id)) {
                    results.add(new ItemResult(id, Status.DUPLICATE, null));
                    continue;
                }
                if (a.deviceKey() != null) {
                    Instant last = lastByDevice.getIfPresent(a.deviceKey());
                    if (last != null && Duration.between(last, a.entry().createdAt()).abs().compareTo(settings.minInterval()) < 0) {
                        results.add(new ItemResult(id, Status.REJECTED, problem(reader,
                                Message.of(ProblemCode.TOO_SOON, settings.minInterval().toSeconds()),
                                "items[" + a.index() + "].createdAt")));
                        continue;
                    }
                }
                accept(a, topics, tx, now);
                acceptedEntries.add(a.entry());
                encoded.add(a.encoded());
                if (a.deviceKey() != null) {
                    lastByDevice.asMap().merge(a.deviceKey(), a.entry().createdAt(), (x, y) -> x.isAfter(y) ? x : y);
                }
                acceptedPerStore.merge(a.entry().storeId(), 1, Integer::sum);
                results.add(new ItemResult(id, Status.ACCEPTED, null));
            }
            store.add(acceptedEntries, encoded, now, tx);
            topics.apply(tx);
            acceptedPerStore.forEach((storeId, n) -> tx.afterCommit(() -> events.publish(new LiveEvents.Event("scores", storeId,
                    Map.of("storeId", storeId, "accepted", n, "at", now.toString())))));
            return new BatchResult(results);
        });
    }

    /** How many of the prepared items are new answers (neither stored nor repeated in the batch). Writer thread. */
    private int fresh(List<Object> prepared) {
        Set<UUID> seen = new HashSet<>();
        int fresh = 0;
        for (Object p : prepared) {
            if (p instanceof Accepted a && !store.contains(a.entry().id()) && seen.add(a.entry().id())) {
                fresh++;
            }
        }
        return fresh;
    }

    /**
     * Takes {@code fresh} answers from the caller's rate, or refuses the whole batch. Runs in the
     * change before anything is stored, so a refused batch leaves no trace; retries of answers
     * already stored cost nothing.
     */
    private void limit(Caller who, int fresh) {
        if (fresh == 0) {
            return;
        }
        boolean kiosk = who.role() == Role.STAFF || who.role() == Role.KIOSK;
        KeyedLimiter limiter = kiosk ? kioskLimits : shopperLimits;
        String sender = kiosk ? "kiosk" : "app";
        KeyedLimiter.Rate rate = limiter.rate();
        limiter.take(who.role().claim() + ":" + who.uid(), fresh).ifPresent(wait -> {
            if (fresh > rate.burst()) {
                throw new TooManyRequestsException("items", wait, ProblemCode.BURST_LIMIT, rate.burst(), sender);
            }
            throw new TooManyRequestsException("items", wait, ProblemCode.ANSWER_RATE, rate.burst(), rate.refill().toSeconds(), sender);
        });
    }

    /** Validates an item against the contract and the catalog, outside the writer. */
    private Object prepare(int index, JsonNode node, Optional<Caller> caller, Instant now, Locale reader, boolean history) {
        FeedbackItem item;
        try {
            item = Json.mapper().treeToValue(node, FeedbackItem.class);
        } catch (JsonProcessingException e) {
            ApiException problem = JsonBody.toProblem(e);
            String field = problem.field() == null ? "items[" + index + "]" : "items[" + index + "]." + problem.field();
            return new ItemResult(idOf(node), Status.REJECTED, problem(reader, problem.detail(), field));
        } catch (IllegalArgumentException e) {
            return new ItemResult(idOf(node), Status.REJECTED, problem(reader, Message.of(ProblemCode.ITEM_INVALID), "items[" + index + "]"));
        }
        try {
            return validated(index, item, caller, now, history);
        } catch (InvalidFieldException e) {
            return new ItemResult(item.id(), Status.REJECTED, problem(reader, e.message(), "items[" + index + "]." + e.field()));
        }
    }

    private Accepted validated(int index, FeedbackItem item, Optional<Caller> caller, Instant now, boolean history) {
        Store shop = catalog.store(item.storeId())
                .orElseThrow(() -> new InvalidFieldException("storeId", ProblemCode.UNKNOWN_STORE, item.storeId()));
        if (!shop.touchpoints().contains(item.touchpoint())) {
            throw new InvalidFieldException("touchpoint", ProblemCode.STORE_LACKS_TOUCHPOINT, shop.id(), item.touchpoint());
        }
        boolean kiosk = caller.map(c -> c.role() == Role.STAFF || c.role() == Role.KIOSK).orElse(false);
        if (kiosk && !caller.get().storeId().orElseThrow().equals(item.storeId())) {
            throw new InvalidFieldException("storeId", ProblemCode.KIOSK_OTHER_STORE, caller.get().storeId().get(),
                    item.storeId());
        }
        // An enrolled kiosk stands at one touchpoint: it answers for that one only.
        Optional<String> kioskTouchpoint = caller.flatMap(Caller::touchpoint);
        if (kioskTouchpoint.isPresent() && !kioskTouchpoint.get().equals(item.touchpoint())) {
            throw new InvalidFieldException("touchpoint", ProblemCode.KIOSK_OTHER_TOUCHPOINT, kioskTouchpoint.get(),
                    item.touchpoint());
        }
        if (item.createdAt().isAfter(now.plus(settings.futureSkew()))) {
            throw new InvalidFieldException("createdAt", ProblemCode.IN_THE_FUTURE, settings.futureSkew().toMinutes());
        }
        if (!history && item.createdAt().isBefore(now.minus(settings.maxAge()))) {
            throw new InvalidFieldException("createdAt", ProblemCode.TOO_OLD, settings.maxAge().toDays());
        }
        String category = null;
        if (item.gtin() != null) {
            Product product = catalog.product(item.gtin().value())
                    .orElseThrow(() -> new InvalidFieldException("gtin", ProblemCode.NO_PRODUCT, item.gtin().value()));
            category = product.category();
        }
        Map<String, String> answers = Map.of();
        if (item.surveyId() != null) {
            SurveyView survey = surveys.version(item.surveyId(), item.surveyVersion())
                    .orElseThrow(() -> new InvalidFieldException("surveyVersion", ProblemCode.NO_SURVEY_VERSION, item.surveyId(),
                            item.surveyVersion()));
            answers = SurveyAnswers.validate(survey, item.answers());
        }
        String profileUid = caller.filter(c -> c.role() == Role.SHOPPER).map(Caller::uid).orElse(null);
        // A shopper is one person whatever deviceId the request names (a fresh deviceId per item
        // used to pass the interval); kiosks of a store may still share a staff identity, so
        // their deviceId tells them apart.
        boolean sharedStaffIdentity = caller.map(c -> c.role() == Role.STAFF).orElse(false);
        String deviceKey = sharedStaffIdentity && item.deviceId() != null ? "kiosk:" + item.deviceId()
                : caller.map(c -> c.role().claim() + ":" + c.uid()).orElse(null);
        Instant arrived = item.createdAt().plus(HISTORY_DELAY);
        Instant receivedAt = history && arrived.isBefore(now) ? arrived : now;
        FeedbackEntry entry = new FeedbackEntry(item.id(), item.storeId(), item.touchpoint(), category,
                item.gtin() == null ? null : item.gtin().value(), item.createdAt(), receivedAt, item.rating(), item.nps(), item.ces(),
                item.dimensions(), item.comment(), item.surveyId(), item.surveyVersion(), answers, kiosk ? "kiosk" : "app",
                profileUid);
        LocalDate day = LocalDate.ofInstant(entry.createdAt(), ZoneId.of(shop.timeZone()));
        return new Accepted(index, entry, deviceKey, day, AnswerCodec.encode(entry),
                ScoreCounts.of(entry.rating(), entry.nps(), entry.ces(), entry.dimensions()),
                entry.comment() == null ? null : CommentTerms.analyse(entry.comment()));
    }

    /** Stores an accepted entry and everything that follows from it. Writer thread. */
    private void accept(Accepted a, TopicIndex.Batch topics, Transaction tx, Instant now) {
        FeedbackEntry e = a.entry();
        aggregates.add(e.storeId(), a.day(), e.touchpoint(), e.category(), a.counts(),
                e.comment() == null ? null
                        : new Rollups.RecentComment(e.id(), e.createdAt(), e.comment(), e.touchpoint(), e.rating(), e.nps()),
                a.terms(), topics, e.createdAt(), e.unhappy(), now, tx);
        signals.answered(e.profileUid(), e.createdAt(), e.storeId(), e.gtin(), e.category(), e.rating(), now, tx);
        for (AnswerListener listener : listeners) {
            listener.accepted(e, tx);
        }
    }

    /** Why one item was refused, in the problem form of a refused request (without its path). */
    private static Problem problem(Locale reader, Message detail, String field) {
        return new Problem(((ProblemCode) detail.key()).type(), Messages.title(400, reader, "Bad Request"), 400,
                detail.text(reader), null, field, null);
    }

    private static UUID idOf(JsonNode node) {
        try {
            return node != null && node.hasNonNull("id") ? UUID.fromString(node.get("id").asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An item that passed validation, with everything the writer needs already computed. */
    private record Accepted(int index, FeedbackEntry entry, String deviceKey, LocalDate day, byte[] encoded,
                            ScoreCounts counts, CommentTerms.Analysed terms) {
    }
}
