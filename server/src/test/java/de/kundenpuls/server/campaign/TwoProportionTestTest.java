package de.kundenpuls.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.kundenpuls.model.campaign.AbComparison.RateTest;
import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

    @Test
    void theUpperTailMatchesTheNormalTable() {
        assertThat(TwoProportionTest.upperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(TwoProportionTest.upperTail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(TwoProportionTest.upperTail(2.575829)).isCloseTo(0.005, within(1e-6));
        assertThat(TwoProportionTest.upperTail(-1)).isCloseTo(0.841345, within(1e-6));
    }

    @Test
    void aClearDifferenceIsSignificantAndASmallOneIsNot() {
        // 20 % against 25 % of 1,000 each: z = -2.68, p = 0.0074 (worked by hand with the pooled 22.5 %).
        RateTest clear = TwoProportionTest.test("opened/sent", 200, 1000, 250, 1000);
        assertThat(clear.rateA()).isEqualTo(0.2);
        assertThat(clear.rateB()).isEqualTo(0.25);
        assertThat(clear.pValue()).isCloseTo(0.00742, within(1e-4));
        assertThat(clear.significant()).isTrue();

        RateTest small = TwoProportionTest.test("opened/sent", 200, 1000, 210, 1000);
        assertThat(small.pValue()).isCloseTo(0.5797, within(1e-3));
        assertThat(small.significant()).isFalse();
    }

    @Test
    void tooFewForTheApproximationGivesNoVerdict() {
        RateTest few = TwoProportionTest.test("redeemed/opened", 1, 5, 4, 5);
        assertThat(few.rateA()).isEqualTo(0.2);
        assertThat(few.pValue()).isNull();
        assertThat(few.significant()).isFalse();

        RateTest empty = TwoProportionTest.test("redeemed/opened", 0, 0, 3, 40);
        assertThat(empty.rateA()).isNull();
        assertThat(empty.pValue()).isNull();
    }
}
