package de.kundenpuls.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract must stay usable by the app, the tests and the benchmarks alike. */
class DependencyRuleTest {

    private final JavaClasses model = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.kundenpuls.model");

    @Test
    void sharedModelUsesNoFrameworkTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.helidon..", "org.eclipse..", "com.google.firebase..", "com.google.api..", "javafx..",
                        "com.gluonhq..", "de.kundenpuls.server..", "de.kundenpuls.app..")
                .check(model);
    }

    @Test
    void theRuleSeesTheModel() {
        // Guards the rule above against an import that silently finds nothing.
        org.assertj.core.api.Assertions.assertThat(model.contain(Gtin.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(model.size()).isGreaterThan(5);
    }
}
