package de.kundenpuls.server.cases;

import java.time.Duration;

/**
 * When an answer opens a follow-up case: a detractor (rating at most {@code maxRating} or NPS at
 * most {@code maxNps}) who left a comment and allows contact. The case is due after {@code sla}.
 *
 * @param maxRating highest rating that counts as a detractor
 * @param maxNps    highest NPS that counts as a detractor
 * @param sla       time to answer
 */
public record CaseRule(int maxRating, int maxNps, Duration sla) {

    /** The default: rating ≤ 2 or NPS ≤ 6, 48 hours. */
    public static final CaseRule DEFAULT = new CaseRule(2, 6, Duration.ofHours(48));

    /**
     * Whether an answer opens a case.
     *
     * @param rating         the rating or null
     * @param nps            the NPS or null
     * @param comment        the comment or null
     * @param contactAllowed whether the signed-in customer granted {@code contact}
     * @return true when a case must be opened
     */
    public boolean opensCase(Integer rating, Integer nps, String comment, boolean contactAllowed) {
        boolean detractor = (rating != null && rating <= maxRating) || (nps != null && nps <= maxNps);
        return detractor && comment != null && !comment.isBlank() && contactAllowed;
    }
}
