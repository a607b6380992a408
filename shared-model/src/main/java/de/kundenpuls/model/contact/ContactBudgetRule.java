package de.kundenpuls.model.contact;

/**
 * The one contact budget of the workspace: at most {@code max} contacts with a customer in any
 * {@code days} days, counting survey prompts shown in the app and campaign pushes together.
 *
 * @param max                   contacts allowed per window, at most 20 (a budget is meant to be small)
 * @param days                  the rolling window in days
 * @param serviceRecoveryExempt whether the apology with a recovery offer after a bad rating goes
 *                              out even when the budget is used up (it still counts as a contact)
 */
public record ContactBudgetRule(int max, int days, boolean serviceRecoveryExempt) {

    /** Checks the numbers. */
    public ContactBudgetRule {
        if (max < 1 || max > 20) {
            throw new IllegalArgumentException("contact-budget.max must be between 1 and 20, or 0 for no budget");
        }
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("contact-budget.days must be between 1 and 90");
        }
    }
}
