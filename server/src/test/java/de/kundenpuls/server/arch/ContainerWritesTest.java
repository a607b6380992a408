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
 * <p>The calls listed in {@link #KNOWN} are older than this rule; each is to become an event the
 * composition root routes (as the NPS of an answer already is). The test fails on a new one, and
 * on a listed one that is gone (so the list only ever shrinks).
 */
class ContainerWritesTest {

    /** The containers of {@code StoredRoot}, by package. */
    private static final List<String> CONTAINERS = List.of("catalog.Catalog", "profile.Profiles", "privacy.AuditLog",
            "survey.SurveyStore", "feedback.FeedbackData", "feedback.FeedbackStore", "analytics.Rollups", "analytics.AlertLog",
            "cases.CaseStore", "offer.OfferStore", "campaign.CampaignStore", "kiosk.KioskFleet");

    private static final Set<String> KNOWN = Set.of(
            "analytics.AlertLog.append <- feedback.FeedbackCapture",
            "analytics.Rollups.add <- feedback.FeedbackCapture",
            "analytics.Rollups.removeComments <- feedback.FeedbackPersonalData",
            "cases.CaseStore.forgetCustomer <- feedback.FeedbackPersonalData",
            "cases.CaseStore.put <- feedback.FeedbackCapture",
            "cases.CaseStore.put <- feedback.FeedbackPersonalData",
            "privacy.AuditLog.append <- kiosk.KioskService",
            "privacy.AuditLog.append <- catalog.ProductService",
            "privacy.AuditLog.append <- catalog.StoreService",
            "profile.Profiles.remove <- privacy.PrivacyService",
            "profile.Profiles.update <- campaign.CampaignSender",
            "profile.Profiles.update <- campaign.CampaignService",
            "profile.Profiles.update <- feedback.FeedbackCapture",
            "profile.Profiles.update <- offer.OfferService",
            "profile.Profiles.update <- offer.RecoveryService");

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
        assertThat(writes).as("writes into another feature's container (new ones must go through the composition root)")
                .isSubsetOf(KNOWN);
        assertThat(KNOWN).as("listed writes that are gone: take them off the list").isSubsetOf(writes);
    }
}
