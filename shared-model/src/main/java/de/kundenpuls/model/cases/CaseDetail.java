package de.kundenpuls.model.cases;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What staff need to act on one case: who the customer is (only with their {@code contact}
 * consent), what exactly they rated, and whether the loop closed.
 *
 * @param customer the customer
 * @param answer   the answer that opened the case, or null when it is gone (erased)
 * @param outcome  what happened since
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDetail(Customer customer, Answer answer, Outcome outcome) {

    /**
     * The customer, as far as they allow contact.
     *
     * @param contactAllowed whether they gave the {@code contact} consent (without it, nothing else is shown)
     * @param name           their name, if given
     * @param email          their e-mail address, if given
     * @param address        street, postal code and city in one line, if given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(boolean contactAllowed, String name, String email, String address) {
    }

    /**
     * The answer itself.
     *
     * @param createdAt  when it was given
     * @param rating     the rating, if any
     * @param nps        the NPS, if any
     * @param ces        the effort score, if any
     * @param dimensions the dimension scores
     * @param gtin       the product rated, if any
     * @param product    its name in the reader's language, if known
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(Instant createdAt, Integer rating, Integer nps, Integer ces, Map<String, Integer> dimensions, String gtin,
                         String product) {
    }

    /**
     * Whether the loop closed: the customer wrote back, rated again, redeemed the recovery offer.
     *
     * @param repliedBack        the customer answered in the dialog
     * @param ratedAgainAt       when they next gave an answer after the case opened, or null
     * @param ratedAgain         that answer's rating, or null
     * @param recoveryOffered    a recovery offer went to them with this case
     * @param recoveryRedeemedAt when they redeemed it, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(boolean repliedBack, Instant ratedAgainAt, Integer ratedAgain, boolean recoveryOffered,
                          Instant recoveryRedeemedAt) {
    }
}
