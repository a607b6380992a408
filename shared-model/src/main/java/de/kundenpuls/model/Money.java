package de.kundenpuls.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money.
 *
 * @param amount   the amount, two decimals
 * @param currency ISO 4217 code, e.g. {@code EUR}
 */
public record Money(BigDecimal amount, String currency) {

    /** The largest amount a price or benefit may have (no product in a store costs more). */
    public static final BigDecimal MAX = new BigDecimal("1000000.00");

    /** Validates amount and currency. */
    public Money {
        if (amount == null) {
            throw new InvalidFieldException("amount", ProblemCode.REQUIRED);
        }
        if (amount.signum() < 0) {
            throw new InvalidFieldException("amount", ProblemCode.NEGATIVE);
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidFieldException("amount", ProblemCode.TOO_LARGE, MAX.toPlainString());
        }
        if (amount.scale() > 2) {
            throw new InvalidFieldException("amount", ProblemCode.TOO_MANY_DECIMALS);
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (currency == null) {
            throw new InvalidFieldException("currency", ProblemCode.REQUIRED);
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("currency", ProblemCode.NOT_A_CURRENCY);
        }
    }

    /**
     * Euros.
     *
     * @param amount e.g. "2.49"
     * @return the money
     */
    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
