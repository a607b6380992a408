package de.kundenpuls.server.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No feature writes into another feature's stored container: a container's changing methods
 * (those that take the commit's {@code Transaction}) are called from its own package or from the
 * composition root ({@code de.kundenpuls.server}), which wires one feature's events to another's
 * store. Reading another feature's container (a store's time zone from the catalog, a profile's
 * consent) is allowed.
 *
 * <p>A feature that needs another one to change reports it: to that feature's facade
 * ({@code CustomerSignals}, {@code AnswerAggregates}), through a port the composition root points
 * at the container ({@code AuditTrail}), or as an event the root routes ({@code AnswerListener}s
 * such as {@code CaseOpener}).
 */
class ContainerWritesTest {

    /** The containers of {@code StoredRoot}, by package. */
    private static final List<String> CONTAINERS = List.of("catalog.Catalog", "profile.Profiles", "privacy.AuditLog",
            "survey.SurveyStore", "feedback.FeedbackData", "feedback.FeedbackStore", "analytics.Rollups", "analytics.AlertLog",
            "cases.CaseStore", "offer.OfferStore", "campaign.CampaignStore", "kiosk.KioskFleet", "contact.ContactLog",
            "cases.StaffRoster");

    private static JavaClasses server;

    @BeforeAll
    static void importClasses() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.kundenpuls.server");
    }

    @Test
    void noFeatureWritesIntoAnotherFeaturesContainer() {
        Set<String> writes = new TreeSet<>();
        for (String container : CONTAINERS) {
            JavaClass type = server.get("de.kundenpuls.server." + container);
            String own = type.getPackageName();
            for (JavaMethodCall call : type.getMethodCallsToSelf()) {
                String from = call.getOriginOwner().getPackageName();
                boolean changes = call.getTarget().getRawParameterTypes().stream()
                        .anyMatch(t -> t.getName().equals("de.kundenpuls.server.storage.Transaction"));
                if (changes && !from.equals(own) && !from.equals("de.kundenpuls.server")) {
                    JavaClass caller = call.getOriginOwner();
                    while (caller.getEnclosingClass().isPresent()) {
                        caller = caller.getEnclosingClass().get();
                    }
                    writes.add(container + "." + call.getTarget().getName() + " <- "
                            + caller.getName().substring("de.kundenpuls.server.".length()));
                }
            }
        }
        assertThat(writes).as("writes into another feature's container (they must go through that feature or the composition root)")
                .isEmpty();
    }
}
