package io.quarterdeck.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import io.quarterdeck.adapters.persistence.archfixture.PersistenceThing;
import io.quarterdeck.adapters.rest.archfixture.RestCallingPersistence;
import io.quarterdeck.adapters.rest.archfixture.RestCallingService;
import io.quarterdeck.adapters.rest.archfixture.RestSendingMail;
import io.quarterdeck.adapters.rest.archfixture.RestUsingJpa;
import io.quarterdeck.adapters.rest.healthmonitor.archfixture.HealthMonitorCallingApiV1;
import io.quarterdeck.server.archfixture.ServerSigningTokens;
import io.quarterdeck.server.archfixture.ServerWithResource;
import io.quarterdeck.application.archfixture.ServiceUsingJpa;
import io.quarterdeck.application.port.out.archfixture.ClassAsOutPort;
import io.quarterdeck.archfixture.cycle.a.A;
import io.quarterdeck.archfixture.cycle.b.B;
import io.quarterdeck.domain.archfixture.DomainCallingService;
import io.quarterdeck.domain.archfixture.DomainTypeWithJpaAnnotation;
import org.junit.jupiter.api.Test;

/**
 * A rule is trusted only after it was seen failing: each rule is run against the production classes plus one
 * deliberately wrong class (test sources, {@code archfixture} packages) and must report a violation.
 */
class RulesFailOnWrongClassesTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ProductionClasses.ONLY).importPackages("io.quarterdeck");
    private static final java.util.List<Location> PRODUCTION_FILES = PRODUCTION.stream()
            .map(c -> Location.of(c.getSource().orElseThrow().getUri())).toList();

    /**
     * The production classes plus only the given wrong ones, imported afresh from their class files: a filtered view
     * of one import would still see other fixtures' dependencies on production classes.
     */
    private static JavaClasses productionPlus(Class<?>... wrong) {
        java.util.List<Location> files = new java.util.ArrayList<>(PRODUCTION_FILES);
        for (Class<?> c : wrong) {
            files.add(Location.of(java.util.Objects.requireNonNull(
                    c.getResource("/" + c.getName().replace('.', '/') + ".class"), c.getName())));
        }
        return new ClassFileImporter().importLocations(files);
    }

    private static void seenFailing(ArchRule rule, Class<?>... wrong) {
        assertFalse(rule.evaluate(productionPlus(wrong)).getFailureReport().isEmpty(),
                "expected a violation of: " + rule.getDescription());
        assertTrue(rule.evaluate(PRODUCTION).getFailureReport().isEmpty(),
                "the rule must hold without the wrong class: " + rule.getDescription());
    }

    @Test
    void the_domain_rule_fails_on_a_jpa_annotated_domain_type() {
        seenFailing(QuarterdeckRules.the_domain_depends_on_the_jdk_only, DomainTypeWithJpaAnnotation.class);
    }

    @Test
    void the_application_rule_fails_on_a_service_using_jpa() {
        seenFailing(QuarterdeckRules.the_application_uses_only_the_allowed_jakarta_annotations, ServiceUsingJpa.class);
    }

    @Test
    void the_out_port_rule_fails_on_a_class() {
        seenFailing(QuarterdeckRules.out_ports_are_interfaces, ClassAsOutPort.class);
    }

    @Test
    void the_adapter_rules_fail_on_an_adapter_calling_another() {
        seenFailing(QuarterdeckRules.adapters_never_depend_on_each_other, RestCallingPersistence.class,
                PersistenceThing.class);
        seenFailing(QuarterdeckRules.the_core_is_an_onion_and_adapters_do_not_see_each_other,
                RestCallingPersistence.class, PersistenceThing.class);
    }

    @Test
    void the_ports_only_rule_fails_on_an_adapter_calling_a_service() {
        seenFailing(QuarterdeckRules.adapters_see_only_the_ports_and_the_domain_of_the_core, RestCallingService.class);
    }

    @Test
    void the_surface_rule_fails_on_a_surface_calling_another() {
        seenFailing(QuarterdeckRules.surfaces_never_depend_on_each_other, HealthMonitorCallingApiV1.class);
    }

    @Test
    void the_technology_rules_fail_on_a_foreign_technology_in_an_adapter_or_the_composition_root() {
        seenFailing(QuarterdeckRules.only_the_persistence_adapter_uses_jpa_jdbc_frameworks, RestUsingJpa.class);
        seenFailing(QuarterdeckRules.only_the_rest_adapters_use_http, ServerWithResource.class);
        seenFailing(QuarterdeckRules.only_the_security_adapter_uses_crypto_libraries, ServerSigningTokens.class);
        seenFailing(QuarterdeckRules.only_the_docker_adapter_uses_docker_java,
                io.quarterdeck.adapters.rest.archfixture.RestUsingDockerJava.class);
        seenFailing(QuarterdeckRules.only_the_messaging_adapter_uses_the_rabbitmq_client,
                io.quarterdeck.server.archfixture.ServerPublishingToRabbitMq.class);
        seenFailing(QuarterdeckRules.only_the_observability_adapter_calls_monitoring_services,
                io.quarterdeck.server.archfixture.ServerQueryingPrometheus.class);
        seenFailing(QuarterdeckRules.only_the_messaging_adapter_sends_mail, RestSendingMail.class);
    }

    @Test
    void the_onion_rule_fails_when_the_domain_depends_outwards() {
        seenFailing(QuarterdeckRules.the_core_is_an_onion_and_adapters_do_not_see_each_other,
                DomainCallingService.class);
    }

    @Test
    void the_cycle_rule_fails_on_a_package_cycle() {
        seenFailing(QuarterdeckRules.packages_are_free_of_cycles, A.class, B.class);
    }

    @Test
    void the_onion_rule_fails_when_a_layer_is_misspelt_and_so_empty() {
        ArchRule misspelt = Architectures.onionArchitecture()
                .domainModels("io.quarterdeck.domian..")
                .domainServices(QuarterdeckRules.PORTS)
                .applicationServices(QuarterdeckRules.APPLICATION_SERVICES)
                .adapter("persistence", "io.quarterdeck.adapters.persistence..")
                .adapter("security", QuarterdeckRules.SECURITY)
                .adapter("observability", QuarterdeckRules.OBSERVABILITY)
                .adapter("rest", QuarterdeckRules.REST)
                .withOptionalLayers(false);
        assertThrows(AssertionError.class, () -> misspelt.check(PRODUCTION));
    }
}
