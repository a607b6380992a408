package de.kundenpuls.server.topics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.analytics.TopicReport;
import de.kundenpuls.server.analytics.AnalyticsService;
import de.kundenpuls.server.analytics.CommentTerms;
import de.kundenpuls.server.analytics.Rollups;
import de.kundenpuls.server.analytics.ScoreQuery;
import de.kundenpuls.server.analytics.TopicIndex;
import de.kundenpuls.server.api.ApiException;
import de.kundenpuls.server.api.Responses;
import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Caller;
import de.kundenpuls.server.auth.Role;
import de.kundenpuls.server.catalog.Catalog;
import de.kundenpuls.server.feedback.FeedbackEntry;
import de.kundenpuls.server.feedback.FeedbackStore;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * What the comments are about, {@code GET /api/analytics/topics}: the pain points and delights of
 * a scope (stores, touchpoint, category, days, as for the scores), in German or English, from the
 * term counts of {@link TopicIndex}, with the change against the previous period of the same
 * length and the newest comments behind each term.
 *
 * <pre>
 * curl -H "Authorization: Bearer $MARKETER" \
 *      'http://localhost:8080/api/analytics/topics?storeId=muenchen-schwabing&amp;lang=de'
 * </pre>
 */
public final class TopicService implements HttpService {

    /** Terms shown per list. */
    static final int SHOWN = 5;
    /** Example comments per term. */
    static final int EXAMPLES = 3;
    /** At most so many answers (with a comment or not) are read for examples: the walk stays bounded. */
    private static final int EXAMPLE_BUDGET = 20_000;

    private final Access access;
    private final Catalog catalog;
    private final TopicIndex topics;
    private final FeedbackStore answers;
    private final Duration skew;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param access  access rules
     * @param catalog the stores
     * @param topics  the term counts
     * @param answers the stored answers, for example comments
     * @param skew    how far a sender's clock may be ahead (the answers' walk starts that much earlier)
     * @param clock   the clock
     */
    public TopicService(Access access, Catalog catalog, TopicIndex topics, FeedbackStore answers, Duration skew, Clock clock) {
        this.access = access;
        this.catalog = catalog;
        this.topics = topics;
        this.answers = answers;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", access.allow(this::topics, Role.STAFF, Role.MARKETER, Role.ADMIN));
    }

    private void topics(Caller caller, ServerRequest req, ServerResponse res) {
        ScoreQuery.Filter scope = AnalyticsService.filter(catalog, clock, caller, req);
        String lang = req.query().first("lang").filter(s -> !s.isBlank()).orElse("de");
        if (!CommentTerms.LANGUAGES.contains(lang)) {
            throw ApiException.badRequest("lang", ProblemCode.NOT_ONE_OF, String.join(", ", CommentTerms.LANGUAGES));
        }
        Responses.json(res, report(scope, lang));
    }

    /**
     * The topics of a scope.
     *
     * @param scope stores, touchpoint, category and days
     * @param lang  the comments' language
     * @return pain points and delights
     */
    TopicReport report(ScoreQuery.Filter scope, String lang) {
        String key = TopicIndex.key(lang, scope.touchpoint() == null ? Rollups.ALL : scope.touchpoint(),
                scope.category() == null ? Rollups.ALL : scope.category());
        long days = ChronoUnit.DAYS.between(scope.from(), scope.to()) + 1;
        Map<String, TopicIndex.Count> now = sum(scope.storeIds(), scope.from(), scope.to(), key);
        Map<String, TopicIndex.Count> before = sum(scope.storeIds(), scope.from().minusDays(days), scope.from().minusDays(1), key);
        long comments = total(now);
        long previous = total(before);
        List<TopicRanking.Ranked> ranked = TopicRanking.rank(now);
        List<TopicRanking.Ranked> pain = chosen(ranked, true);
        List<TopicRanking.Ranked> delight = chosen(ranked.reversed(), false);
        Map<String, List<TopicReport.Example>> examples = examples(scope, lang, pain, delight);
        return new TopicReport(view(pain, comments, previous, before, examples), view(delight, comments, previous, before, examples),
                comments);
    }

    private Map<String, TopicIndex.Count> sum(List<String> stores, LocalDate from, LocalDate to, String key) {
        Map<String, TopicIndex.Count> sums = new HashMap<>();
        for (String store : stores) {
            topics.sum(store, from, to, key, sums);
        }
        return sums;
    }

    private static long total(Map<String, TopicIndex.Count> sums) {
        TopicIndex.Count c = sums.get(TopicIndex.COMMENTS);
        return c == null ? 0 : c.all();
    }

    /**
     * The strongest significant terms of one side, leaving out those that repeat a stronger one:
     * part of it ("park", "parkplatz") or the same words ("kart" and "zahlung" of "Kartenzahlung").
     */
    private static List<TopicRanking.Ranked> chosen(List<TopicRanking.Ranked> ranked, boolean detractors) {
        List<TopicRanking.Ranked> chosen = new ArrayList<>();
        for (TopicRanking.Ranked r : ranked) {
            boolean significant = detractors ? r.z() > TopicRanking.SIGNIFICANT : r.z() < -TopicRanking.SIGNIFICANT;
            if (!significant || chosen.size() == SHOWN) {
                break;
            }
            if (chosen.stream().noneMatch(c -> c.term().contains(r.term()) || r.term().contains(c.term())
                    || c.count().label().equalsIgnoreCase(r.count().label()))) {
                chosen.add(r);
            }
        }
        return chosen;
    }

    private static List<TopicReport.Topic> view(List<TopicRanking.Ranked> terms, long comments, long previous,
                                                Map<String, TopicIndex.Count> before, Map<String, List<TopicReport.Example>> examples) {
        List<TopicReport.Topic> topics = new ArrayList<>();
        for (TopicRanking.Ranked r : terms) {
            Double change = null;
            if (previous > 0 && comments > 0) {
                TopicIndex.Count then = before.get(r.term());
                double share = 100.0 * r.count().all() / comments - 100.0 * (then == null ? 0 : then.all()) / previous;
                change = Math.round(share * 10) / 10.0;
            }
            topics.add(new TopicReport.Topic(r.term(), r.count().label(), r.count().all(), Math.round(r.z() * 100) / 100.0, change,
                    examples.getOrDefault(r.term(), List.of())));
        }
        return topics;
    }

    /**
     * The newest comments behind the chosen terms: the answers of the scope, newest received
     * first, each comment analysed again, until every term has its examples or the budget is spent.
     */
    private Map<String, List<TopicReport.Example>> examples(ScoreQuery.Filter scope, String lang, List<TopicRanking.Ranked> pain,
                                                            List<TopicRanking.Ranked> delight) {
        Map<String, List<TopicReport.Example>> found = new LinkedHashMap<>();
        Map<String, TopicIndex.Group> wanted = new LinkedHashMap<>();
        pain.forEach(r -> wanted.put(r.term(), TopicIndex.Group.DETRACTOR));
        delight.forEach(r -> wanted.put(r.term(), TopicIndex.Group.PROMOTER));
        if (wanted.isEmpty()) {
            return found;
        }
        Set<String> stores = Set.copyOf(scope.storeIds());
        Map<String, ZoneId> zones = new HashMap<>();
        stores.forEach(id -> catalog.store(id).ifPresent(s -> zones.put(id, ZoneId.of(s.timeZone()))));
        Instant since = scope.from().atStartOfDay(ZoneOffset.MAX).toInstant();
        int[] budget = {EXAMPLE_BUDGET};
        answers.newestFirst(since, skew, e -> {
            if (--budget[0] < 0) {
                return false;
            }
            if (e.comment() == null || !inScope(e, scope, stores, zones)) {
                return true;
            }
            TopicIndex.Group group = TopicIndex.Group.of(e.rating(), e.nps());
            if (group == TopicIndex.Group.PASSIVE || !wanted.containsValue(group)) {
                return true;
            }
            CommentTerms.Analysed a = CommentTerms.analyse(e.comment());
            if (a.language().equals(lang)) {
                for (String term : a.terms().keySet()) {
                    if (wanted.get(term) != group) {
                        continue;
                    }
                    List<TopicReport.Example> list = found.computeIfAbsent(term, t -> new ArrayList<>());
                    // The same words twice ("Keinen Parkplatz gefunden.") say nothing new.
                    if (list.stream().noneMatch(x -> x.text().equals(e.comment()))) {
                        list.add(new TopicReport.Example(e.id(), e.comment(), e.rating(), e.createdAt()));
                        if (list.size() == EXAMPLES) {
                            wanted.remove(term);
                        }
                    }
                }
            }
            return !wanted.isEmpty();
        });
        return found;
    }

    private static boolean inScope(FeedbackEntry e, ScoreQuery.Filter scope, Set<String> stores, Map<String, ZoneId> zones) {
        if (!stores.contains(e.storeId()) || (scope.touchpoint() != null && !scope.touchpoint().equals(e.touchpoint()))) {
            return false;
        }
        String category = e.category() == null ? "" : e.category();
        if (scope.category() != null && !scope.category().equals(category)) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(e.createdAt(), zones.getOrDefault(e.storeId(), ZoneOffset.UTC));
        return !day.isBefore(scope.from()) && !day.isAfter(scope.to());
    }
}
