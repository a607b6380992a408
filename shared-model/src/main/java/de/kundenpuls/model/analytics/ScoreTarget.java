package de.kundenpuls.model.analytics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.kundenpuls.model.InvalidFieldException;
import de.kundenpuls.model.ProblemCode;

/**
 * What a store aims for, shown next to its scores; either may be left out.
 *
 * @param csat the CSAT to reach, 0–100 percent, or null
 * @param nps  the NPS to reach, −100…100, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreTarget(Double csat, Double nps) {

    /** Validates the ranges. */
    public ScoreTarget {
        if (csat != null && (csat.isNaN() || csat < 0 || csat > 100)) {
            throw new InvalidFieldException("csat", ProblemCode.OUT_OF_RANGE, 0, 100);
        }
        if (nps != null && (nps.isNaN() || nps < -100 || nps > 100)) {
            throw new InvalidFieldException("nps", ProblemCode.OUT_OF_RANGE, -100, 100);
        }
    }

    /** Whether neither score has a target. */
    @JsonIgnore
    public boolean isEmpty() {
        return csat == null && nps == null;
    }
}
