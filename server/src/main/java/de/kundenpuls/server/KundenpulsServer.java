package de.kundenpuls.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

import de.kundenpuls.model.contact.ContactBudgetRule;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.server.analytics.AlertLog;
import de.kundenpuls.server.analytics.AlertMonitor;
import de.kundenpuls.server.analytics.AnalyticsService;
import de.kundenpuls.server.analytics.AnswerAggregates;
import de.kundenpuls.server.analytics.LiveEvents;
import de.kundenpuls.server.analytics.Rollups;
import de.kundenpuls.server.analytics.ScoreQuery;
import de.kundenpuls.server.analytics.TargetService;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.ProblemHandlers;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.campaign.AudienceRules;
import de.kundenpuls.server.campaign.CampaignSender;
import de.kundenpuls.server.campaign.CampaignService;
import de.kundenpuls.server.campaign.CampaignStore;
import de.kundenpuls.server.cases.CaseOpener;
import de.kundenpuls.server.cases.CasePersonalData;
import de.kundenpuls.server.cases.CaseRule;
import de.kundenpuls.server.cases.CaseDetails;
import de.kundenpuls.server.cases.CaseService;
import de.kundenpuls.server.cases.CaseStore;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.catalog.CatalogSeed;
import de.kundenpuls.server.catalog.CatalogSeeder;
import de.kundenpuls.server.catalog.CategoryService;
import de.kundenpuls.server.catalog.ProductService;
import de.kundenpuls.server.catalog.StoreService;
import de.kundenpuls.server.contact.ContactBudget;
import de.kundenpuls.server.contact.ContactLog;
import de.kundenpuls.server.contact.ContactPersonalData;
import de.kundenpuls.server.console.ConsoleSignInService;
import de.kundenpuls.server.feedback.CaptureSettings;
import de.kundenpuls.server.feedback.FeedbackCapture;
import de.kundenpuls.server.feedback.FeedbackPersonalData;
import de.kundenpuls.server.feedback.FeedbackService;
import de.kundenpuls.server.feedback.FeedbackStore;
import de.kundenpuls.server.kiosk.KioskFleet;
import de.kundenpuls.server.kiosk.KioskService;
import de.kundenpuls.server.offer.OfferPersonalData;
import de.kundenpuls.server.offer.OfferService;
import de.kundenpuls.server.offer.OfferStore;
import de.kundenpuls.server.offer.RecoveryService;
import de.kundenpuls.server.privacy.AuditLog;
import de.kundenpuls.server.privacy.PersonalData;
import de.kundenpuls.server.privacy.PrivacyService;
import de.kundenpuls.server.profile.ProfileService;
import de.kundenpuls.server.profile.EmailBackfill;
import de.kundenpuls.server.profile.Profiles;
import de.kundenpuls.server.push.FcmPushGateway;
import de.kundenpuls.server.push.PushGateway;
import de.kundenpuls.server.ratelimit.KeyedLimiter;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;
import de.kundenpuls.server.survey.SurveyService;
import de.kundenpuls.server.survey.SurveyStore;
import de.kundenpuls.server.topics.TopicService;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * The whole Kundenpuls server: storage, features and the web server, built from configuration.
 * {@link Main} starts one; tests start as many as they like, each on its own port and directory.
 */
public final class KundenpulsServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KundenpulsServer.class.getName());
    /** The named socket that serves health details and metrics. */
    static final String OBSERVE_SOCKET = "observe";

    private final Storage storage;
    private final WebServer webServer;
    private final Identity identity;
    private final List<AutoCloseable> closeables;
    private final Features features;

    private KundenpulsServer(Storage storage, WebServer webServer, Identity identity, List<AutoCloseable> closeables,
                             Features features) {
        this.storage = storage;
        this.webServer = webServer;
        this.identity = identity;
        this.closeables = closeables;
        this.features = features;
    }

    /**
     * Opens storage and starts the production server: identity from configuration
     * ({@link IdentityMode#fromConfig}), no demo data.
     *
     * @param config the root configuration
     * @param clock  the clock
     * @return the running server
     * @throws ServerStartException with one clear line when the port or the data directory cannot be used
     */
    public static KundenpulsServer start(Config config, Clock clock) {
        return start(config, clock, IdentityMode.fromConfig(config), CatalogSeed.NONE);
    }

    /**
     * Opens storage and starts the server with a given identity mode and seed (the embedded build
     * passes its local stand-in of Google and the demo catalog).
     *
     * @param config the root configuration
     * @param clock  the clock
     * @param mode   who signs callers in, where push goes
     * @param seed   stores and products for a new data directory
     * @return the running server
     * @throws ServerStartException with one clear line when the port or the data directory cannot be used
     */
    public static KundenpulsServer start(Config config, Clock clock, IdentityMode mode, CatalogSeed seed) {
        long opening = System.nanoTime();
        Storage storage = Storage.open(storageSettings(config.get("storage")), StoredRoot.class, StoredRoot::new);
        LOG.info(() -> String.format("Storage opened in %.1f s", (System.nanoTime() - opening) / 1e9));
        List<AutoCloseable> closeables = new ArrayList<>();
        try {
            Identity identity = Identity.create(mode, storage.directory(), clock);
            de.kundenpuls.server.api.BodyDeadline.set(Duration.ofSeconds(config.get("requests.body-timeout-seconds").asLong().orElse(20L)));
            closeables.add(identity);
            Features features = Features.create(config, storage, identity, seed, clock);
            // Health details and metrics go to their own socket (loopback by default); the public
            // port answers only UP or DOWN, for load balancers.
            WebServer server = WebServer.builder()
                    .config(config.get("server"))
                    .shutdownHook(false)
                    .directHandlers(ProblemHandlers.directHandlers())
                    .putSocket(OBSERVE_SOCKET, socket -> socket
                            .host(config.get("observe.host").asString().orElse("127.0.0.1"))
                            .port(config.get("observe.port").asInt().orElse(8081)))
                    .addFeature(observe(storage))
                    .routing(routing -> routing(routing, features, storage))
                    .build()
                    .start();
            if (!server.isRunning()) {
                throw new ServerStartException("Kundenpuls could not start: port "
                        + config.get("server.port").asInt().orElse(8080) + " is already in use or not allowed");
            }
            closeables.addAll(features.closeables());
            return new KundenpulsServer(storage, server, identity, closeables, features);
        } catch (RuntimeException e) {
            for (AutoCloseable c : closeables.reversed()) {
                closeQuietly(c);
            }
            storage.close();
            throw e;
        }
    }

    /**
     * Registers every feature's routes; shared by {@link #start} and the tests.
     *
     * @param routing  the routing builder
     * @param features the wired features
     */
    static void routing(HttpRouting.Builder routing, Features features, Storage storage) {
        ProblemHandlers.register(routing);
        routing.any(new de.kundenpuls.server.api.SecurityHeaders(features.consoleSignIn().signInOrigins()));
        // What the public learns of the server's health: UP or DOWN, nothing of its disk or heap.
        routing.get("/observe/health", (req, res) -> {
            boolean up = storage.healthy();
            Responses.json(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, Map.of("status", up ? "UP" : "DOWN"));
        });
        features.devTokens().ifPresent(dev -> routing.register("/api/dev", dev));
        if (features.benchEmptyRoute()) {
            // The yardstick of bench/catalog/lookup.sh: the framework's own speed for a trivial GET.
            routing.get("/bench/empty", (req, res) -> res.send("ok"));
        }
        // The web console: static files, Chart.js from its WebJar; "/" leads to it.
        routing.register("/console/vendor", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("META-INF/resources/webjars/chart.js/" + WEBJARS.getProperty("chart.js") + "/dist").build()))
                .register("/console", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("console").welcome("index.html").build()))
                // Browsers and bookmark tools ask for /favicon.ico whatever the page links to.
                .get("/favicon.ico", (req, res) -> {
                    res.status(io.helidon.http.Status.PERMANENT_REDIRECT_308);
                    res.headers().set(io.helidon.http.HeaderNames.LOCATION, "/console/favicon.svg");
                    res.send();
                })
                .get("/", (req, res) -> {
                    res.status(io.helidon.http.Status.TEMPORARY_REDIRECT_307);
                    res.headers().set(io.helidon.http.HeaderNames.LOCATION, "/console/");
                    res.send();
                });
        routing.register("/api/console", features.consoleSignIn())
                .register("/console/vendor/firebase", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("META-INF/resources/webjars/firebase/" + WEBJARS.getProperty("firebase")).build()));
        routing.register("/api/products", features.products())
                .register("/api/stores", features.stores())
                .register("/api/categories", features.categories())
                .register("/api/surveys", features.surveys())
                .register("/api/feedback", features.feedback())
                .register("/api/cases", features.cases().staff())
                .register("/api/me/inbox", features.cases().inbox())
                .register("/api/analytics/targets", features.targets())
                .register("/api/analytics/topics", features.topics())
                .register("/api/analytics", features.analytics())
                .register("/api/offers", features.offers().offers())
                .register("/api/recovery", features.recovery())
                .register("/api/me", features.offers().me())
                .register("/api/campaigns", features.campaigns().campaigns())
                .register("/api/me", features.campaigns().me())
                .register("/api/me", features.profileService())
                .register("/api/me", features.privacy().me())
                .register("/api/admin", features.privacy().admin())
                .register("/api/kiosks", features.kiosks())
                .any("/api/*", (req, res) -> {
                    throw ApiException.notFound(null, ProblemCode.NO_ROUTE, req.prologue().method().text(), req.path().path());
                });
    }

    private static ObserveFeature observe(Storage storage) {
        return ObserveFeature.builder()
                .sockets(List.of(OBSERVE_SOCKET))
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .addCheck(() -> storage.healthy()
                                ? HealthCheckResponse.builder().status(true).detail("directory", storage.directory().toString()).build()
                                : HealthCheckResponse.builder().status(false).detail("directory", storage.directory().toString()).build(),
                                HealthCheckType.READINESS, "storage")
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    /** A rate from {@code burst} and {@code refill-seconds}, each defaulting to the given rate's. */
    private static KeyedLimiter.Rate rate(Config node, KeyedLimiter.Rate defaults) {
        return new KeyedLimiter.Rate(node.get("burst").asInt().orElse(defaults.burst()),
                Duration.ofSeconds(node.get("refill-seconds").asLong().orElse(defaults.refill().toSeconds())));
    }

    /**
     * The workspace's contact budget: by default at most 3 contacts per customer in 7 days, the
     * apology after a bad rating exempt; {@code contact-budget.max: 0} turns it off.
     */
    private static ContactBudget contactBudget(Config config, ContactLog log) {
        int max = config.get("contact-budget.max").asInt().orElse(3);
        return new ContactBudget(log, max == 0 ? Optional.empty() : Optional.of(new ContactBudgetRule(max,
                config.get("contact-budget.days").asInt().orElse(7),
                config.get("contact-budget.exempt-service-recovery").asBoolean().orElse(true))));
    }

    private static StorageSettings storageSettings(Config config) {
        return new StorageSettings(Path.of(config.get("directory").asString().orElse("./data")),
                config.get("channel-count").asInt().orElse(1),
                Duration.ofMillis(config.get("housekeeping-interval-ms").asLong().orElse(1000L)),
                Duration.ofNanos(config.get("housekeeping-time-budget-ns").asLong().orElse(100_000_000L)));
    }

    /** The port the server listens on. */
    public int port() {
        return webServer.port();
    }

    /** The port of the observability socket (health details, metrics). */
    public int observePort() {
        return webServer.port(OBSERVE_SOCKET);
    }

    /** Identity and Google wiring: the Firebase app and, on the embedded default, the local stand-in. */
    public Identity identity() {
        return identity;
    }

    /** The wired features (the tests read the routing back from them). */
    Features features() {
        return features;
    }

    /** The feedback capture, for the embedded demo's history ({@link FeedbackCapture#history}). */
    public FeedbackCapture feedbackCapture() {
        return features.capture();
    }

    /** The open storage. */
    public Storage storage() {
        return storage;
    }

    /** Stops the server, then background jobs, then storage (after the last commit). */
    @Override
    public void close() {
        webServer.stop();
        for (AutoCloseable c : closeables.reversed()) {
            closeQuietly(c);
        }
        storage.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warning("Closing " + c + " failed: " + e);
        }
    }

    /** The WebJar versions the build put into {@code webjars.properties}: one place for them, the POM. */
    private static final java.util.Properties WEBJARS = new java.util.Properties();

    static {
        try (var in = KundenpulsServer.class.getResourceAsStream("/webjars.properties")) {
            WEBJARS.load(java.util.Objects.requireNonNull(in, "webjars.properties is missing from the build"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The features of the server, wired once. */
    record Features(Access access, Catalog catalog, ProductService products, StoreService stores,
                    CategoryService categories, Profiles profiles, ProfileService profileService, PrivacyService privacy,
                    SurveyService surveys, FeedbackService feedback, CaseService cases, AnalyticsService analytics,
                    OfferService offers, RecoveryService recovery, Optional<PushGateway> push, CampaignService campaigns,
                    Optional<HttpService> devTokens, ConsoleSignInService consoleSignIn, KioskService kiosks,
                    TargetService targets, TopicService topics, FeedbackCapture capture, boolean benchEmptyRoute, List<AutoCloseable> closeables) {

        static Features create(Config config, Storage storage, Identity identity, CatalogSeed seed, Clock clock) {
            StoredRoot root = storage.root(StoredRoot.class);
            storage.writer().write(tx -> {
                root.completeMissing(tx);
                return null;
            });
            KioskFleet fleet = root.kiosks();
            Access access = new Access(identity.verifier(), fleet::active);
            Catalog catalog = root.catalog();
            CatalogSeeder.seedIfEmpty(catalog, storage.writer(), seed);
            Predicate<String> storeExists = id -> catalog.store(id).isPresent();
            Optional<HttpService> devTokens = identity.local().flatMap(LocalGoogle::devSignIn)
                    .map(dev -> dev.service(storeExists, fleet::tokenClaims));
            Profiles profiles = root.profiles();
            // The audience bitmaps and the recent answer ids are both rebuilt from storage at start,
            // independently: one on its own thread, the other below, so that two cores share them.
            java.util.concurrent.CompletableFuture<Double> indexBuilt = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                profiles.index().ensureBuilt();
                return (System.nanoTime() - t0) / 1e9;
            }, r -> Thread.ofPlatform().name("kundenpuls-audience-index").start(r));
            AuditLog audit = root.audit();
            List<PersonalData> personalData = new ArrayList<>();
            SurveyStore surveyStore = root.surveys();
            Rollups rollups = root.rollups();
            CaseStore caseStore = root.cases();
            LiveEvents events = new LiveEvents();
            AlertMonitor alerts = new AlertMonitor(
                    Duration.ofMinutes(config.get("alerts.window-minutes").asInt().orElse(15)),
                    config.get("alerts.min-answers").asInt().orElse(4),
                    config.get("alerts.unhappy-share").asDouble().orElse(0.5));
            CaptureSettings capture = new CaptureSettings(
                    Duration.ofMillis(config.get("feedback.min-interval-ms").asLong().orElse(3000L)),
                    Duration.ofMinutes(5), config.get("feedback.max-batch-size").asInt().orElse(500), Duration.ofDays(config.get("feedback.max-age-days").asInt().orElse(30)),
                    rate(config.get("feedback.limits.shopper"), CaptureSettings.SHOPPER_RATE),
                    rate(config.get("feedback.limits.kiosk"), CaptureSettings.KIOSK_RATE));
            long recentFrom = System.nanoTime();
            FeedbackStore feedbackStore = FeedbackStore.open(
                    root.feedback(), capture.retryWindow(), clock.instant());
            double recentSeconds = (System.nanoTime() - recentFrom) / 1e9;
            double indexSeconds = indexBuilt.join();
            LOG.info(() -> String.format("Rebuilt at start: recent answer ids in %.1f s, audience index in %.1f s",
                    recentSeconds, indexSeconds));
            AlertLog alertLog = root.alerts();
            CaseRule caseRule = new CaseRule(2, 6, Duration.ofHours(config.get("cases.sla-hours").asInt().orElse(48)));
            AnswerAggregates aggregates = new AnswerAggregates(rollups, root.topics(), alerts, alertLog, events);
            FeedbackCapture feedbackCapture = new FeedbackCapture(feedbackStore, aggregates, profiles, catalog, surveyStore,
                    events, storage.writer(), capture, clock);
            feedbackCapture.addListener(new CaseOpener(caseStore, caseRule,
                    uid -> profiles.find(uid).map(p -> p.allows(ConsentPurpose.CONTACT)).orElse(false)));
            personalData.add(new FeedbackPersonalData(feedbackStore, aggregates,
                    storeId -> catalog.store(storeId).map(s -> java.time.ZoneId.of(s.timeZone())).orElse(java.time.ZoneOffset.UTC)));
            personalData.add(new CasePersonalData(caseStore, clock));
            List<AutoCloseable> closeables = new ArrayList<>();
            // A data directory from before the e-mail index fills it in the background.
            EmailBackfill emailBackfill = EmailBackfill.startIfNeeded(profiles, storage.writer());
            if (emailBackfill != null) {
                closeables.add(emailBackfill);
            }
            Optional<PushGateway> push = Optional.empty();
            if (identity.pushEnabled()) {
                FcmPushGateway gateway = FcmPushGateway.withDefaults(identity.pushApp());
                closeables.add(gateway);
                push = Optional.of(gateway);
            }
            ContactBudget budget = contactBudget(config, root.contacts());
            personalData.add(new ContactPersonalData(budget));
            OfferStore offerStore = root.offers();
            OfferService offerService = new OfferService(access, offerStore, profiles, catalog, storage.writer(), clock);
            RecoveryService recovery = new RecoveryService(access, offerStore, offerService, profiles, catalog, storage.writer(),
                    push, budget, clock);
            closeables.add(recovery);
            feedbackCapture.addListener(recovery);
            personalData.add(new OfferPersonalData(offerStore));
            CampaignStore campaignStore = root.campaigns();
            feedbackCapture.addListener((entry, tx) -> {
                if (entry.profileUid() != null && entry.nps() != null) {
                    campaignStore.recordNps(entry.profileUid(), entry.nps(), tx);
                    profiles.recordNps(entry.profileUid(), entry.nps(), tx);
                }
            });
            AudienceRules audience = new AudienceRules();
            CampaignSender sender = new CampaignSender(campaignStore, profiles, catalog, offerStore, offerService, audience, push,
                    storage.writer(), clock, config.get("campaigns.chunk-size").asInt().orElse(500),
                    config.get("campaigns.quiet-hours.start").asString().flatMap(start -> config.get("campaigns.quiet-hours.end")
                            .asString().map(end -> new de.kundenpuls.model.campaign.CampaignDefinition.QuietHours(start, end))),
                    config.get("campaigns.frequency-cap.max").asInt().map(max -> new de.kundenpuls.model.campaign.CampaignDefinition
                            .FrequencyCap(max, config.get("campaigns.frequency-cap.days").asInt().orElse(7))), budget);
            closeables.add(sender);
            CampaignService campaignService = new CampaignService(access, campaignStore, audience, profiles, catalog, offerStore,
                    sender, storage.writer(), clock);
            personalData.add(new PersonalData() {
                @Override
                public String section() {
                    return "push";
                }

                @Override
                public Optional<Object> export(String uid) {
                    Map<String, Object> push = new java.util.LinkedHashMap<>();
                    campaignStore.latestNps(uid).ifPresent(nps -> push.put("latestNps", nps));
                    List<Map<String, Object>> messages = new ArrayList<>();
                    for (CampaignStore.RecipientRef ref : campaignStore.recipientRefs(uid)) {
                        campaignStore.recipients(ref.campaignId()).map(of -> of.get(ref.index())).ifPresent(r -> {
                            Map<String, Object> m = new java.util.LinkedHashMap<>();
                            m.put("campaignId", ref.campaignId());
                            m.put("title", r.title());
                            m.put("body", r.body());
                            m.put("state", r.state());
                            m.put("openedAt", r.openedAt());
                            messages.add(m);
                        });
                    }
                    if (!messages.isEmpty()) {
                        push.put("campaignMessages", messages);
                    }
                    return push.isEmpty() ? Optional.empty() : Optional.of(push);
                }

                @Override
                public void erase(String uid, de.kundenpuls.server.storage.Transaction tx) {
                    campaignStore.forget(uid, tx);
                }
            });
            ProfileService profileService = new ProfileService(access, profiles, storage.writer(), storeExists, clock);
            PrivacyService privacy = new PrivacyService(access, profiles,
                    (uid, tx) -> profiles.remove(uid, tx).isPresent(), storage, audit, personalData, clock);
            return new Features(access, catalog, new ProductService(access, catalog, storage.writer(), audit::append, clock),
                    new StoreService(access, catalog, storage.writer(), audit::append, clock), new CategoryService(access, catalog), profiles, profileService,
                    privacy, new SurveyService(access, surveyStore, catalog, storage.writer(), budget, clock),
                    new FeedbackService(access, feedbackCapture,
                            rate(config.get("feedback.limits.new-accounts"), new KeyedLimiter.Rate(30, Duration.ofHours(1))),
                            uid -> profiles.find(uid).isPresent(), feedbackStore, catalog, capture, clock),
                    new CaseService(access, caseStore, new CaseDetails(profiles::find, feedbackStore::ofProfile,
                            offerStore::grantsOf, (gtin, lang) -> catalog.product(gtin).map(p -> p.name(lang))), root.staff(),
                            storage.writer(), clock),
                    new AnalyticsService(access, catalog, new ScoreQuery(rollups), events, alertLog, clock),
                    offerService, recovery, push, campaignService,
                    devTokens, ConsoleSignInService.create(config, devTokens.isPresent(),
                            identity.local().flatMap(LocalGoogle::signInUrl)),
                    new KioskService(access, fleet, catalog, audit::append, storage.writer(), identity.customTokens(),
                            Duration.ofMinutes(config.get("kiosks.code-lifetime-minutes").asLong().orElse(60L)),
                            rate(config.get("kiosks.enrollment-limit"), new KeyedLimiter.Rate(10, Duration.ofMinutes(10))), clock),
                    new TargetService(access, catalog, root.targets(), storage.writer()),
                    new TopicService(access, catalog, root.topics(), feedbackStore, capture.futureSkew(), clock),
                    feedbackCapture, config.get("bench.empty-route").asBoolean().orElse(false), closeables);
        }
    }
}
