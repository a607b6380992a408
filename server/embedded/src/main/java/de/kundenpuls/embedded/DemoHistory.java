package de.kundenpuls.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;

import de.kundenpuls.model.catalog.ProductView;
import de.kundenpuls.model.catalog.StoreView;
import de.kundenpuls.model.catalog.TouchpointView;
import de.kundenpuls.model.client.KundenpulsClient;
import de.kundenpuls.model.feedback.BatchResult;
import de.kundenpuls.model.feedback.FeedbackItem;
import de.kundenpuls.model.kiosk.KioskEnrollment;
import de.kundenpuls.model.kiosk.KioskIdentity;
import de.kundenpuls.server.KundenpulsServer;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.feedback.FeedbackCapture;

/**
 * The living demo: on an empty data directory, 90 days of a four-store chain written through the
 * real code. Surveys, offers, kiosks, customers, cases and the campaign go through the API like a
 * console or an app would send them; the past answers go through {@link FeedbackCapture#history},
 * the capture's own validation and effects (roll-ups, profiles, cases) without its age window.
 *
 * <p>Three stories are planted for the dashboard to tell: the queue at Berlin Mitte's checkout
 * worsens over the last three weeks, Hamburg Altona's fitting-room staff are praised, and
 * Munich's customers find nowhere to park. Everything comes from one fixed seed.
 */
public final class DemoHistory {

    private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());
    private static final long SEED = 20_261_204L;
    private static final int BATCH = 500;
    private static final List<String> KIOSK_TOUCHPOINTS = List.of("entrance", "checkout");

    private final KundenpulsServer server;
    private final DevTokenIssuer issuer;
    private final KundenpulsClient anonymous;
    private final Clock clock;
    private final Random random = new Random(SEED);

    private DemoHistory(KundenpulsServer server, DevTokenIssuer issuer, Clock clock) {
        this.server = server;
        this.issuer = issuer;
        this.anonymous = KundenpulsClient.create("http://127.0.0.1:" + server.port());
        this.clock = clock;
    }

    /**
     * Writes the history unless the directory holds any survey, kiosk or answer already.
     *
     * @param server the running server
     * @param issuer dev tokens for the demo's staff, marketer, admin and customers
     * @param clock  the clock
     * @return what was written, or empty when the directory was not empty
     */
    public static Optional<Summary> seedIfEmpty(KundenpulsServer server, DevTokenIssuer issuer, Clock clock) {
        DemoHistory history = new DemoHistory(server, issuer, clock);
        KundenpulsClient admin = history.as(Role.ADMIN, null);
        String threeYears = "granularity=quarter&from=" + LocalDate.now(clock).minusYears(3).plusDays(1);
        if (!admin.surveys().list().isEmpty() || !admin.kiosks().list(null).isEmpty()
                || admin.analytics().scores(threeYears).count() > 0) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Summary summary = history.write();
        LOG.info(() -> String.format("Seeded the demo history in %.1f s: %s", (System.nanoTime() - started) / 1e9, summary));
        return Optional.of(summary);
    }

    /**
     * What the history holds.
     *
     * @param answers   answers accepted
     * @param refused   answers the capture refused (none, unless the capture's rules changed)
     * @param customers demo customers with a profile
     * @param kiosks    kiosks enrolled
     * @param cases     follow-up cases still open or answered
     * @param campaign  the finished A/B campaign
     */
    public record Summary(long answers, long refused, int customers, int kiosks, int cases, String campaign) {
    }

    private Summary write() {
        // The demo's stores count days in Central European time: "yesterday" is theirs, not UTC's,
        // which lags by a day between midnight and one or two o'clock.
        ZoneId chain = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(clock.withZone(chain));
        Instant start = today.minusDays(DemoAnswers.DAYS).atStartOfDay(chain).toInstant();
        KundenpulsClient admin = as(Role.ADMIN, null);
        KundenpulsClient marketer = as(Role.MARKETER, null);
        Map<String, DemoSurveys.Asked> surveys = DemoSurveys.create(marketer, start);
        DemoOffers.Created offers = DemoOffers.create(marketer, clock.instant());
        List<StoreView> stores = anonymous.catalog().stores();
        Map<String, List<String>> touchpoints = new LinkedHashMap<>();
        stores.forEach(s -> touchpoints.put(s.id(), anonymous.catalog().touchpoints(s.id(), "de").stream()
                .map(TouchpointView::id).toList()));
        Map<String, Caller> kiosks = enrolKiosks(admin, stores, touchpoints);
        DemoCustomers customers = DemoCustomers.create(this::as, stores, random);

        DemoAnswers answers = new DemoAnswers(random, productsByCategory(), surveys);
        FeedbackCapture capture = server.feedbackCapture();
        long accepted = 0;
        long refused = 0;
        for (StoreView store : stores) {
            ZoneId zone = ZoneId.of(store.timeZone());
            Map<String, Caller> staffTablets = Map.of(store.id(), new Caller("demo-staff-" + store.id(), Role.STAFF,
                    Optional.of(store.id()), Optional.empty(), clock.instant().plus(Duration.ofDays(1))));
            Map<Caller, List<FeedbackItem>> bySender = new LinkedHashMap<>();
            for (int daysAgo = DemoAnswers.DAYS; daysAgo >= 1; daysAgo--) {
                LocalDate day = today.minusDays(daysAgo);
                for (String touchpoint : touchpoints.get(store.id())) {
                    for (FeedbackItem item : answers.day(store.id(), zone, touchpoint, day, daysAgo)) {
                        // The app's answers come from the customers, and a few at the other
                        // touchpoints too (scanned in the store); the rest from the touchpoint's
                        // enrolled kiosk, or from an older tablet signed in by the store's staff.
                        Caller kiosk = kiosks.get(store.id() + "|" + touchpoint);
                        if (touchpoint.equals("app") || random.nextDouble() < 0.12) {
                            bySender.computeIfAbsent(customers.pick(store.id(), random), c -> new ArrayList<>()).add(item);
                        } else if (kiosk != null) {
                            bySender.computeIfAbsent(kiosk, c -> new ArrayList<>()).add(item);
                        } else {
                            bySender.computeIfAbsent(staffTablets.get(store.id()), c -> new ArrayList<>())
                                    .add(onDevice(item, "tablet-" + store.id() + "-" + touchpoint));
                        }
                    }
                }
            }
            for (Map.Entry<Caller, List<FeedbackItem>> e : bySender.entrySet()) {
                List<FeedbackItem> items = spacedOut(e.getValue());
                for (int from = 0; from < items.size(); from += BATCH) {
                    BatchResult result = capture.history(e.getKey(), items.subList(from, Math.min(items.size(), from + BATCH)));
                    for (BatchResult.ItemResult r : result.results()) {
                        if (r.status() == BatchResult.Status.ACCEPTED) {
                            accepted++;
                        } else {
                            refused++;
                        }
                    }
                }
            }
        }
        offers.recoveryFor(marketer, stores);
        int cases = DemoCases.work(stores, storeId -> as(Role.STAFF, storeId), clock.instant());
        String campaign = DemoCampaign.run(marketer, offers.campaignOffer(), customers, storeId -> as(Role.STAFF, storeId), random);
        return new Summary(accepted, refused, customers.size(), kiosks.size(), cases, campaign);
    }

    private Map<String, Caller> enrolKiosks(KundenpulsClient admin, List<StoreView> stores, Map<String, List<String>> touchpoints) {
        Map<String, Caller> kiosks = new LinkedHashMap<>();
        Instant expires = clock.instant().plus(Duration.ofDays(1));
        for (StoreView store : stores) {
            // An address may exchange ten enrollment codes in ten minutes: the entrance and the
            // checkout of each store have kiosks, the other touchpoints staff-signed tablets.
            for (String touchpoint : touchpoints.get(store.id())) {
                if (!KIOSK_TOUCHPOINTS.contains(touchpoint)) {
                    continue;
                }
                KioskEnrollment enrollment = admin.kiosks().enroll(store.id(), touchpoint, "Terminal " + touchpoint);
                KioskIdentity identity = anonymous.kiosks().exchange(enrollment.code());
                kiosks.put(store.id() + "|" + touchpoint, new Caller(identity.uid(), Role.KIOSK, Optional.of(store.id()),
                        Optional.of(touchpoint), expires));
            }
        }
        return kiosks;
    }

    private Map<String, List<String>> productsByCategory() {
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            var products = anonymous.catalog().search(null, null, null, page, "de");
            for (ProductView p : products.items()) {
                byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(p.gtin().value());
            }
            if (products.items().isEmpty() || (long) (page + 1) * products.size() >= products.total()) {
                break;
            }
        }
        byCategory.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return byCategory;
    }

    /**
     * One sender's answers in time order, without those given within a minute of the one before:
     * the capture refuses a device's answers that close together (button mashing).
     */
    private static List<FeedbackItem> spacedOut(List<FeedbackItem> items) {
        List<FeedbackItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(FeedbackItem::createdAt));
        List<FeedbackItem> kept = new ArrayList<>();
        for (FeedbackItem i : sorted) {
            if (kept.isEmpty() || !i.createdAt().isBefore(kept.get(kept.size() - 1).createdAt().plus(Duration.ofMinutes(1)))) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static FeedbackItem onDevice(FeedbackItem i, String deviceId) {
        return new FeedbackItem(i.id(), i.storeId(), i.touchpoint(), i.createdAt(), i.rating(), i.nps(), i.ces(), i.dimensions(),
                i.comment(), i.gtin(), i.surveyId(), i.surveyVersion(), i.answers(), deviceId);
    }

    /** A client acting with a dev token of a role (staff: of a store). */
    KundenpulsClient as(Role role, String storeId) {
        return anonymous.withToken(issuer.issue(role, Optional.ofNullable(storeId), Optional.empty()).token());
    }

    /** A client acting as one customer. */
    KundenpulsClient customer(String uid) {
        return anonymous.withToken(issuer.issue(Role.SHOPPER, Optional.empty(), Optional.of(uid)).token());
    }
}
