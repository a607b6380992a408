package de.kundenpuls.model.campaign;

import java.util.List;

/**
 * Whether two variants of a campaign really differ: for each step of the funnel, a two-sided
 * two-proportion z-test of A's rate against B's.
 *
 * @param a     the first variant id
 * @param b     the second variant id
 * @param rates one test per funnel step
 */
public record AbComparison(String a, String b, List<RateTest> rates) {

    /**
     * One funnel step compared.
     *
     * @param rate        {@code sent/targeted}, {@code opened/sent} or {@code redeemed/opened}
     * @param rateA       A's rate (0…1), or null without a denominator
     * @param rateB       B's rate (0…1), or null without a denominator
     * @param pValue      the two-sided p-value, or null when the normal approximation does not hold yet
 *                    (fewer than 5 expected successes or failures in either variant)
     * @param significant whether the difference is significant at the 5 % level
     */
    public record RateTest(String rate, Double rateA, Double rateB, Double pValue, boolean significant) {
    }
}
