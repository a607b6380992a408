package de.kundenpuls.server.campaign;

import de.kundenpuls.model.campaign.AbComparison.RateTest;

/**
 * The two-sided two-proportion z-test with a pooled variance: are {@code kA/nA} and {@code kB/nB}
 * rates of the same underlying proportion? It is what A/B reports of push tools use, and it is
 * honest only while the normal approximation holds, so below 5 expected successes or failures on
 * either side it gives no p-value instead of a misleading one.
 */
final class TwoProportionTest {

    static final double ALPHA = 0.05;
    private static final double MIN_EXPECTED = 5;

    private TwoProportionTest() {
    }

    static RateTest test(String rate, long kA, long nA, long kB, long nB) {
        Double rateA = nA == 0 ? null : (double) kA / nA;
        Double rateB = nB == 0 ? null : (double) kB / nB;
        if (nA == 0 || nB == 0) {
            return new RateTest(rate, rateA, rateB, null, false);
        }
        double pooled = (double) (kA + kB) / (nA + nB);
        double fewest = Math.min(Math.min(nA, nB) * pooled, Math.min(nA, nB) * (1 - pooled));
        if (fewest < MIN_EXPECTED) {
            return new RateTest(rate, rateA, rateB, null, false);
        }
        double z = (rateA - rateB) / Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
        double p = Math.min(1, 2 * upperTail(Math.abs(z)));
        return new RateTest(rate, rateA, rateB, p, p < ALPHA);
    }

    /** P(Z > z) for a standard normal Z, from erfc (Numerical Recipes' erfc, error below 1.2e-7). */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
