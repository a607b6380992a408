package de.kundenpuls.server.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import de.kundenpuls.model.contact.ContactBudgetRule;
import de.kundenpuls.server.StoredRoot;
import de.kundenpuls.server.contact.ContactBudget.Kind;
import de.kundenpuls.server.storage.Storage;
import de.kundenpuls.server.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget as the product states it: at most {@code max} contacts in a rolling window across
 * surveys and campaigns, the same contact counted once, the apology exempt by setting, and the
 * count of used-up customers the same after a restart as before it.
 */
class ContactBudgetTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void surveysAndCampaignsShareOneRollingWindow() {
        try (Storage storage = open()) {
            ContactBudget budget = budget(storage, new ContactBudgetRule(3, 7, true));
            record(storage, budget, "ana", Kind.SURVEY, "s1", T0);
            record(storage, budget, "ana", Kind.CAMPAIGN, "c1", T0.plus(Duration.ofDays(1)));
            // The same campaign reaching a second phone, and the same survey shown again, count once.
            record(storage, budget, "ana", Kind.CAMPAIGN, "c1", T0.plus(Duration.ofDays(1)));
            record(storage, budget, "ana", Kind.SURVEY, "s1", T0.plus(Duration.ofDays(2)));
            assertThat(budget.of("ana")).hasSize(2);
            assertThat(budget.allows("ana", Kind.CAMPAIGN, "c2", T0.plus(Duration.ofDays(2)))).isTrue();
            record(storage, budget, "ana", Kind.CAMPAIGN, "c2", T0.plus(Duration.ofDays(2)));

            Instant day3 = T0.plus(Duration.ofDays(3));
            assertThat(budget.usedUp("ana", day3)).isTrue();
            assertThat(budget.allows("ana", Kind.SURVEY, "s2", day3)).isFalse();
            assertThat(budget.allows("ana", Kind.CAMPAIGN, "c3", day3)).isFalse();
            assertThat(budget.allows("ana", Kind.CAMPAIGN, "c2", day3)).as("already counted").isTrue();
            assertThat(budget.allows("ana", Kind.RECOVERY, "CODE1", day3)).as("exempt").isTrue();
            assertThat(budget.allows("ben", Kind.SURVEY, "s2", day3)).as("another customer").isTrue();
            // Seven days after the first contact it leaves the window and one more fits.
            assertThat(budget.allows("ana", Kind.SURVEY, "s2", T0.plus(Duration.ofDays(7)).plusSeconds(1))).isTrue();
        }
    }

    @Test
    void withoutTheExemptionTheApologyIsLimitedToo() {
        try (Storage storage = open()) {
            ContactBudget budget = budget(storage, new ContactBudgetRule(1, 7, false));
            record(storage, budget, "ana", Kind.SURVEY, "s1", T0);
            assertThat(budget.allows("ana", Kind.RECOVERY, "CODE1", T0.plusSeconds(60))).isFalse();
        }
    }

    @Test
    void withoutABudgetNothingIsLimitedOrRecorded() {
        try (Storage storage = open()) {
            ContactBudget budget = new ContactBudget(storage.root(StoredRoot.class).contacts(), Optional.empty());
            for (int i = 0; i < 10; i++) {
                record(storage, budget, "ana", Kind.CAMPAIGN, "c" + i, T0);
            }
            assertThat(budget.allows("ana", Kind.CAMPAIGN, "c99", T0)).isTrue();
            assertThat(budget.of("ana")).isEmpty();
        }
    }

    @Test
    void usedUpCountsTheAudienceAndSurvivesARestart() {
        Instant now = Instant.now();
        ContactBudgetRule rule = new ContactBudgetRule(2, 7, true);
        try (Storage storage = open()) {
            ContactBudget budget = budget(storage, rule);
            // Built from the (empty) log on first use, then kept up to date by record.
            assertThat(budget.usedUpAmong(now, uid -> true)).isZero();
            for (String uid : new String[] {"ana", "ben", "cem"}) {
                record(storage, budget, uid, Kind.CAMPAIGN, "c1", now.minusSeconds(120));
            }
            record(storage, budget, "ana", Kind.SURVEY, "s1", now.minusSeconds(60));
            record(storage, budget, "ben", Kind.SURVEY, "s1", now.minusSeconds(60));
            assertThat(budget.usedUpAmong(now, uid -> true)).isEqualTo(2);
            assertThat(budget.usedUpAmong(now, Set.of("ana", "cem")::contains)).isEqualTo(1);
            // A week after the first contact, the budget is free again.
            assertThat(budget.usedUpAmong(now.plus(Duration.ofDays(7)), uid -> true)).isZero();

            storage.writer().write(tx -> {
                budget.forget("ben", tx);
                return null;
            });
            assertThat(budget.usedUpAmong(now, uid -> true)).isEqualTo(1);
        }
        try (Storage storage = open()) {
            ContactBudget budget = budget(storage, rule);
            assertThat(budget.of("ben")).isEmpty();
            assertThat(budget.of("ana")).extracting(Contact::kind).containsExactly("campaign", "survey");
            assertThat(budget.usedUpAmong(now, uid -> true)).isEqualTo(1);
            assertThat(budget.usedUpAmong(now, "cem"::equals)).isZero();
        }
    }

    @Test
    void theLogKeepsTheNewestEntriesOnly() {
        try (Storage storage = open()) {
            ContactBudget budget = budget(storage, new ContactBudgetRule(20, 90, true));
            for (int i = 0; i < ContactLog.LIMIT + 5; i++) {
                record(storage, budget, "ana", Kind.CAMPAIGN, "c" + i, T0.plusSeconds(i));
            }
            assertThat(budget.of("ana")).hasSize(ContactLog.LIMIT);
            assertThat(budget.of("ana").getLast().ref()).isEqualTo("c" + (ContactLog.LIMIT + 4));
            assertThat(budget.of("ana").getFirst().ref()).isEqualTo("c5");
        }
    }

    private Storage open() {
        return Storage.open(StorageSettings.of(dir), StoredRoot.class, StoredRoot::new);
    }

    private static ContactBudget budget(Storage storage, ContactBudgetRule rule) {
        return new ContactBudget(storage.root(StoredRoot.class).contacts(), Optional.of(rule));
    }

    private static void record(Storage storage, ContactBudget budget, String uid, Kind kind, String ref, Instant at) {
        storage.writer().write(tx -> {
            budget.record(uid, kind, ref, at, tx);
            return null;
        });
    }
}
