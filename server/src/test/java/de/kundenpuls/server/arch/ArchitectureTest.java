package de.kundenpuls.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.kundenpuls.server.api.ApiException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's structure, kept (ArchUnit): feature packages without cycles, Helidon only in the HTTP layer. */
class ArchitectureTest {

    private static JavaClasses server;

    @BeforeAll
    static void importClasses() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.kundenpuls.server");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("de.kundenpuls.server.(*)..").should().beFreeOfCycles().check(server);
    }

    /**
     * The HTTP layer: the composition root, {@code api} (problems, bodies, headers), each
     * feature's {@code *Service} (one Helidon {@code HttpService} per resource) and the access
     * rules that wrap their handlers. Domain and storage code never sees a request.
     */
    @Test
    void helidonStaysInTheHttpLayer() {
        noClasses().that().resideOutsideOfPackages("de.kundenpuls.server", "de.kundenpuls.server.api..",
                        "de.kundenpuls.server.console..")
                .and().haveSimpleNameNotEndingWith("Service")
                .and().haveNameNotMatching("de\\.kundenpuls\\.server\\.auth\\.(Access|AuthorizedHandler)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("io.helidon..")
                .because("only the HTTP layer speaks Helidon").check(server);
    }

    /**
     * A refusal says what is wrong (a problem code and its values), not how HTTP answers it: the
     * status is chosen once, by {@code ProblemHandlers}, from the kind of refusal.
     */
    @Test
    void refusalsCarryACodeNotAnHttpStatus() {
        noClasses().that().areAssignableTo(ApiException.class)
                .should().dependOnClassesThat().resideInAPackage("io.helidon..")
                .because("domain code throws refusals too").check(server);
    }
}
