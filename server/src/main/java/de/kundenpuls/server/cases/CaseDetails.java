package de.kundenpuls.server.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import de.kundenpuls.model.cases.CaseDetail;
import de.kundenpuls.model.profile.ConsentPurpose;
import de.kundenpuls.model.profile.Contact;
import de.kundenpuls.model.profile.Profile;
import de.kundenpuls.server.feedback.FeedbackEntry;
import de.kundenpuls.server.offer.Grant;

/**
 * Puts together what staff see of one case: the customer's contact (only with the {@code contact}
 * consent), the answer itself and the outcome of the loop. Read from the customer's own indexes
 * (profile, answers, offer grants), never by a scan.
 */
public final class CaseDetails {

    /** A recovery offer is issued in the commit that opens the case: this much apart at most. */
    private static final java.time.Duration SAME_COMMIT = java.time.Duration.ofMinutes(1);

    private final Function<String, Optional<Profile>> profiles;
    private final Function<String, List<FeedbackEntry>> answers;
    private final Function<String, List<Grant>> grants;
    private final java.util.function.BiFunction<String, String, Optional<String>> productName;

    /**
     * Creates the assembler.
     *
     * @param profiles    profile by uid
     * @param answers     a customer's answers
     * @param grants      a customer's offer grants
     * @param productName a product's name by GTIN and language
     */
    public CaseDetails(Function<String, Optional<Profile>> profiles, Function<String, List<FeedbackEntry>> answers,
                       Function<String, List<Grant>> grants, java.util.function.BiFunction<String, String, Optional<String>> productName) {
        this.profiles = profiles;
        this.answers = answers;
        this.grants = grants;
        this.productName = productName;
    }

    /**
     * The detail of a case.
     *
     * @param c    the case
     * @param lang the reader's language (product names)
     * @return the detail
     */
    public CaseDetail of(FollowUpCase c, String lang) {
        Optional<Profile> profile = c.customerUid() == null ? Optional.empty() : profiles.apply(c.customerUid());
        boolean allowed = profile.map(p -> p.allows(ConsentPurpose.CONTACT)).orElse(false);
        CaseDetail.Customer customer = allowed ? customer(profile.get().contact()) : new CaseDetail.Customer(false, null, null, null);
        List<FeedbackEntry> theirs = c.customerUid() == null ? List.of() : answers.apply(c.customerUid());
        CaseDetail.Answer answer = theirs.stream().filter(e -> e.id().equals(c.feedbackId())).findFirst()
                .map(e -> new CaseDetail.Answer(e.createdAt(), e.rating(), e.nps(), e.ces(), e.dimensions(), e.gtin(),
                        e.gtin() == null ? null : productName.apply(e.gtin(), lang).orElse(null)))
                .orElse(null);
        // Rated again: the customer's next answer after the one that opened the case.
        Instant after = answer == null ? c.openedAt() : answer.createdAt();
        Optional<FeedbackEntry> next = theirs.stream().filter(e -> !e.id().equals(c.feedbackId()) && e.createdAt().isAfter(after))
                .min(Comparator.comparing(FeedbackEntry::createdAt));
        Optional<Grant> recovery = c.customerUid() == null ? Optional.empty() : grants.apply(c.customerUid()).stream()
                .filter(g -> "recovery".equals(g.source()) && c.storeId().equals(g.storeId())
                        && !g.issuedAt().isBefore(c.openedAt().minus(SAME_COMMIT)) && !g.issuedAt().isAfter(c.openedAt().plus(SAME_COMMIT)))
                .findFirst();
        boolean repliedBack = c.messages().stream().anyMatch(m -> m.author().equals("customer"));
        return new CaseDetail(customer, answer, new CaseDetail.Outcome(repliedBack, next.map(FeedbackEntry::createdAt).orElse(null),
                next.map(FeedbackEntry::rating).orElse(null), recovery.isPresent(), recovery.map(Grant::redeemedAt).orElse(null)));
    }

    private static CaseDetail.Customer customer(Contact contact) {
        if (contact == null) {
            return new CaseDetail.Customer(true, null, null, null);
        }
        String place = Stream.of(contact.postalCode(), contact.city()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        String address = Stream.of(contact.street(), place).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return new CaseDetail.Customer(true, contact.name(), contact.email(), address.isEmpty() ? null : address);
    }
}
