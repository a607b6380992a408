package de.kundenpuls.model.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;
import de.kundenpuls.model.profile.AgeBand;
import de.kundenpuls.model.profile.Locales;

/**
 * A push campaign as a marketer composes it. The smallest valid one is
 * {@code {"name":"…","audience":{},"variants":[{"locale":"de","title":"…","body":"…"}]}}.
 *
 * @param name         internal name
 * @param audience     who (empty: everyone who may be reached; {@code marketing_push} consent is always required)
 * @param variants     localized texts; variants with different ids form an A/B split by their shares
 * @param offerId      an offer whose personal code goes with the message, or null
 * @param scheduleAt   when to send, or null for at once
 * @param quietHours   no messages in this local time window of the recipient's store, or null
 * @param frequencyCap at most so many campaign messages per profile within so many days, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignDefinition(String name, Audience audience, List<Variant> variants, String offerId, Instant scheduleAt,
                                 QuietHours quietHours, FrequencyCap frequencyCap) {

    /** Validates the campaign. */
    public CampaignDefinition {
        name = InvalidFieldException.requiredText(name, "name", 200);
        audience = audience == null ? new Audience(null, null, null, null, null, null, null, null) : audience;
        if (variants == null || variants.isEmpty()) {
            throw new InvalidFieldException("variants", ProblemCode.VARIANT_REQUIRED);
        }
        Map<String, Integer> shares = new LinkedHashMap<>();
        List<Variant> normalized = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            if (v == null) {
                throw new InvalidFieldException("variants[" + i + "]", ProblemCode.EMPTY);
            }
            Integer known = shares.get(v.id());
            if (known != null && v.share() != null && !known.equals(v.share())) {
                throw new InvalidFieldException("variants[" + i + "].share", ProblemCode.VARIANT_SHARE_DIFFERS, v.id());
            }
            shares.putIfAbsent(v.id(), v.share());
            normalized.add(v);
        }
        long withShare = shares.values().stream().filter(s -> s != null).count();
        if (withShare > 0 && withShare < shares.size()) {
            throw new InvalidFieldException("variants", ProblemCode.VARIANT_SHARES_PARTIAL);
        }
        if (withShare > 0 && shares.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new InvalidFieldException("variants", ProblemCode.VARIANT_SHARES_SUM);
        }
        variants = Collections.unmodifiableList(normalized);
    }

    /**
     * Who receives the campaign; every rule is optional and all given rules must hold.
     *
     * @param homeStoreIds      home store is one of these
     * @param locales           language is one of these
     * @param platforms         has a device of one of these platforms
     * @param category          learned interest in this category …
     * @param minAffinity       … of at least this much (0.1…1 in steps of 0.1, default 0.1: the audience
     *                          index keeps affinities in tenths, so a finer step would be a promise it cannot keep)
     * @param npsGroups         latest NPS answer puts them among {@code promoter}, {@code passive}, {@code detractor}
     * @param visitedWithinDays a contact (scan, answer, redemption) on or after the day (UTC) so many days ago
     * @param ageBands          stated age band is one of these ({@link AgeBand#VALUES})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audience(List<String> homeStoreIds, List<String> locales, List<String> platforms, String category,
                           Double minAffinity, List<String> npsGroups, Integer visitedWithinDays, List<String> ageBands) {
        /** Validates the rules. */
        public Audience {
            homeStoreIds = copy(homeStoreIds);
            locales = copy(locales);
            for (int i = 0; i < locales.size(); i++) {
                Locales.requireSupported(locales.get(i), "locales[" + i + "]");
            }
            platforms = copy(platforms);
            for (int i = 0; i < platforms.size(); i++) {
                if (!List.of("android", "ios", "desktop").contains(platforms.get(i))) {
                    throw new InvalidFieldException("platforms[" + i + "]", ProblemCode.NOT_ONE_OF, "android, ios, desktop");
                }
            }
            npsGroups = copy(npsGroups);
            for (int i = 0; i < npsGroups.size(); i++) {
                if (!List.of("promoter", "passive", "detractor").contains(npsGroups.get(i))) {
                    throw new InvalidFieldException("npsGroups[" + i + "]", ProblemCode.NOT_ONE_OF, "promoter, passive, detractor");
                }
            }
            if (minAffinity != null && (minAffinity < 0.1 - 1e-9 || minAffinity > 1 + 1e-9
                    || Math.abs(minAffinity * 10 - Math.rint(minAffinity * 10)) > 1e-9)) {
                throw new InvalidFieldException("minAffinity", ProblemCode.NOT_ONE_OF, "0.1, 0.2, … 1.0");
            }
            if (minAffinity != null && category == null) {
                throw new InvalidFieldException("category", ProblemCode.REQUIRED_WITH, "minAffinity");
            }
            if (visitedWithinDays != null && (visitedWithinDays < 1 || visitedWithinDays > 3650)) {
                throw new InvalidFieldException("visitedWithinDays", ProblemCode.OUT_OF_RANGE, 1, 3650);
            }
            ageBands = copy(ageBands);
            for (int i = 0; i < ageBands.size(); i++) {
                AgeBand.validate(ageBands.get(i), "ageBands[" + i + "]");
            }
        }

        private static List<String> copy(List<String> list) {
            return Collections.unmodifiableList(new ArrayList<>(list == null ? List.of() : list));
        }
    }

    /**
     * One text of one variant. Placeholders: {@code {firstName}}, {@code {store}}, {@code {offer}}.
     *
     * @param id     variant id for A/B tests ({@code A} when there is only one)
     * @param locale de or en
     * @param title  notification title
     * @param body   notification text
     * @param share  percent of the audience for this variant (A/B), or null for an even split
     */
    public record Variant(String id, String locale, String title, String body, Integer share) {
        /** Validates the text. */
        public Variant {
            id = id == null || id.isBlank() ? "A" : id.strip();
            locale = Locales.requireSupported(locale, "locale");
            title = InvalidFieldException.requiredText(title, "title", 200);
            body = InvalidFieldException.requiredText(body, "body", 4000);
            InvalidFieldException.range(share, "share", 1, 100);
        }
    }

    /**
     * A local time window without messages, e.g. 21:00–08:00.
     *
     * @param start first quiet minute
     * @param end   first minute allowed again
     */
    public record QuietHours(String start, String end) {
        /** Validates the times. */
        public QuietHours {
            parse(start, "start");
            parse(end, "end");
        }

        /**
         * Whether a local time lies inside the window (which may span midnight).
         *
         * @param t the time
         * @return true when quiet
         */
        public boolean contains(LocalTime t) {
            LocalTime s = LocalTime.parse(start);
            LocalTime e = LocalTime.parse(end);
            return s.isBefore(e) ? !t.isBefore(s) && t.isBefore(e) : !t.isBefore(s) || t.isBefore(e);
        }

        private static void parse(String value, String field) {
            try {
                LocalTime.parse(InvalidFieldException.requiredText(value, field, 5));
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(field, ProblemCode.NOT_A_TIME);
            }
        }
    }

    /**
     * At most {@code max} campaign messages per profile within {@code days}.
     *
     * @param max  messages
     * @param days days
     */
    public record FrequencyCap(int max, int days) {
        /** Validates the cap. */
        public FrequencyCap {
            InvalidFieldException.range(max, "max", 1, 1000);
            InvalidFieldException.range(days, "days", 1, 365);
        }
    }
}
