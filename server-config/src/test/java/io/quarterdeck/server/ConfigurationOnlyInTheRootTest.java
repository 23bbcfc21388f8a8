package io.quarterdeck.server;

import io.quarterdeck.architecture.ProductionClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarterdeck.adapters.rest.archfixture.RestReadingConfiguration;
import org.junit.jupiter.api.Test;

/** The REST adapters are configured only through the RestSettings record that this package produces. */
class ConfigurationOnlyInTheRootTest {
    static final ArchRule REST_ADAPTERS_READ_NO_CONFIGURATION_THEMSELVES = noClasses()
            .that().resideInAPackage("io.quarterdeck.adapters.rest..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.config..")
            .because("each key is read once, with its default, by a producer in io.quarterdeck.server (issue 19)");

    @Test
    void no_rest_adapter_class_reads_microprofile_config() {
        JavaClasses rest = new ClassFileImporter().withImportOption(ProductionClasses.ONLY)
                .importPackages("io.quarterdeck.adapters.rest");
        assertTrue(rest.size() > 50, "the REST adapters were imported: " + rest.size());
        REST_ADAPTERS_READ_NO_CONFIGURATION_THEMSELVES.check(rest);
    }

    @Test
    void the_rule_fails_on_a_rest_class_that_reads_a_key_itself() {
        JavaClasses wrong = new ClassFileImporter().importClasses(RestReadingConfiguration.class);
        assertTrue(REST_ADAPTERS_READ_NO_CONFIGURATION_THEMSELVES.evaluate(wrong).hasViolation());
    }
}
