package io.quarterdeck.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every production class of every module, checked against the rules. Plain JUnit tests (rather than ArchUnit's
 * own engine) so that each rule shows up as a counted test in every build report.
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ProductionClasses.ONLY).importPackages("io.quarterdeck");

    @ParameterizedTest
    @ValueSource(strings = {"io.quarterdeck.domain.", "io.quarterdeck.application.port.in.",
        "io.quarterdeck.application.port.out.", "io.quarterdeck.application.errors.",
        "io.quarterdeck.adapters.rest.spine.", "io.quarterdeck.adapters.rest.healthmonitor.",
        "io.quarterdeck.adapters.rest.apiv1.", "io.quarterdeck.adapters.rest.clusterai.",
        "io.quarterdeck.adapters.security.", "io.quarterdeck.adapters.persistence.",
        "io.quarterdeck.adapters.docker.", "io.quarterdeck.application.containers.", "io.quarterdeck.server.",
        "io.quarterdeck.adapters.messaging.", "io.quarterdeck.adapters.observability.", "io.quarterdeck.application.logs.",
        "io.quarterdeck.application.metrics.", "io.quarterdeck.domain.alerting.", "io.quarterdeck.domain.incidents."})
    void the_rules_see_every_module(String packagePrefix) {
        assertTrue(PRODUCTION.stream().anyMatch(c -> c.getName().startsWith(packagePrefix)),
                "no production class found under " + packagePrefix + ": the rules would pass vacuously");
    }

    @Test
    void the_core_is_an_onion_and_adapters_do_not_see_each_other() {
        QuarterdeckRules.the_core_is_an_onion_and_adapters_do_not_see_each_other.check(PRODUCTION);
    }

    @Test
    void the_domain_depends_on_the_jdk_only() {
        QuarterdeckRules.the_domain_depends_on_the_jdk_only.check(PRODUCTION);
    }

    @Test
    void the_application_uses_only_the_allowed_jakarta_annotations() {
        QuarterdeckRules.the_application_uses_only_the_allowed_jakarta_annotations.check(PRODUCTION);
    }

    @Test
    void adapters_never_depend_on_each_other() {
        QuarterdeckRules.adapters_never_depend_on_each_other.check(PRODUCTION);
    }

    @Test
    void adapters_see_only_the_ports_and_the_domain_of_the_core() {
        QuarterdeckRules.adapters_see_only_the_ports_and_the_domain_of_the_core.check(PRODUCTION);
    }

    @Test
    void surfaces_never_depend_on_each_other() {
        QuarterdeckRules.surfaces_never_depend_on_each_other.check(PRODUCTION);
    }

    @Test
    void only_the_persistence_adapter_uses_jpa_jdbc_frameworks() {
        QuarterdeckRules.only_the_persistence_adapter_uses_jpa_jdbc_frameworks.check(PRODUCTION);
    }

    @Test
    void only_the_rest_adapters_use_http() {
        QuarterdeckRules.only_the_rest_adapters_use_http.check(PRODUCTION);
    }

    @Test
    void only_the_docker_adapter_uses_docker_java() {
        QuarterdeckRules.only_the_docker_adapter_uses_docker_java.check(PRODUCTION);
    }

    @Test
    void only_the_security_adapter_uses_crypto_libraries() {
        QuarterdeckRules.only_the_security_adapter_uses_crypto_libraries.check(PRODUCTION);
    }

    @Test
    void only_the_messaging_adapter_uses_the_rabbitmq_client() {
        QuarterdeckRules.only_the_messaging_adapter_uses_the_rabbitmq_client.check(PRODUCTION);
    }

    @Test
    void only_the_observability_adapter_calls_monitoring_services() {
        QuarterdeckRules.only_the_observability_adapter_calls_monitoring_services.check(PRODUCTION);
    }

    @Test
    void only_the_messaging_adapter_sends_mail() {
        QuarterdeckRules.only_the_messaging_adapter_sends_mail.check(PRODUCTION);
    }

    @Test
    void application_services_are_found_not_listed() {
        assertTrue(java.util.Arrays.asList(QuarterdeckRules.APPLICATION_SERVICES).containsAll(java.util.List.of(
                "io.quarterdeck.application.errors..", "io.quarterdeck.application.identity..")),
                "derived service packages: " + java.util.Arrays.toString(QuarterdeckRules.APPLICATION_SERVICES));
    }

    @Test
    void packages_are_free_of_cycles() {
        QuarterdeckRules.packages_are_free_of_cycles.check(PRODUCTION);
    }

    @Test
    void out_ports_are_interfaces() {
        QuarterdeckRules.out_ports_are_interfaces.check(PRODUCTION);
    }

    @Test
    void every_package_documents_itself() {
        List<String> undocumented = PRODUCTION.getPackage("io.quarterdeck").getSubpackagesInTree().stream()
                .filter(p -> !p.getClasses().isEmpty())
                .filter(p -> p.getClasses().stream().noneMatch(c -> c.getSimpleName().equals("package-info")))
                .map(p -> p.getName()).sorted().toList();
        assertTrue(undocumented.isEmpty(), "packages without package-info.java: " + undocumented);
    }

}
