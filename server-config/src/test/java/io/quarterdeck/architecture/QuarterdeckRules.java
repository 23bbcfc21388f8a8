package io.quarterdeck.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.lang.ArchRule;

/** The architecture of Quarterdeck as rules; fields are named as the sentences they enforce. */
final class QuarterdeckRules {
    private QuarterdeckRules() {
    }

    static final String COMPOSITION_ROOT = "io.quarterdeck.server..";
    static final String DOMAIN = "io.quarterdeck.domain..";
    static final String PORTS = "io.quarterdeck.application.port..";
    static final String[] APPLICATION_SERVICES = {
        "io.quarterdeck.application.errors..", "io.quarterdeck.application.apikeys..", "io.quarterdeck.application.identity..",
        "io.quarterdeck.application.health.."};

    static final ArchRule the_core_is_an_onion_and_adapters_do_not_see_each_other = onionArchitecture()
            .domainModels(DOMAIN)
            .domainServices(PORTS)
            .applicationServices(APPLICATION_SERVICES)
            .adapter("persistence", "io.quarterdeck.adapters.persistence..")
            .adapter("rest", "io.quarterdeck.adapters.rest..")
            .withOptionalLayers(false)
            // The composition root (server-config) wires every layer together; that is its whole job.
            .ignoreDependency(resideInAPackage(COMPOSITION_ROOT), alwaysTrue())
            .because("the domain is the centre, ports wrap it, services implement the ports, and each adapter"
                    + " is one technology that only the composition root may combine");

    static final ArchRule the_domain_depends_on_the_jdk_only = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the core must stay free of frameworks (no JPA, JSON or CDI annotations on domain types)");

    static final ArchRule the_application_uses_only_the_allowed_jakarta_annotations = classes()
            .that().resideInAPackage("io.quarterdeck.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "io.quarterdeck.application..",
                    "jakarta.inject..", "jakarta.enterprise.context..", "jakarta.enterprise.inject..",
                    "jakarta.enterprise.event..", "jakarta.transaction..")
            .because("application services stay constructible with new in plain unit tests");

    static final ArchRule adapters_never_depend_on_each_other = slices()
            .matching("io.quarterdeck.adapters.(*)..").should().notDependOnEachOther()
            .because("one adapter talking to another bypasses the core; the composition root wires them");

    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("io.quarterdeck.(**)").should().beFreeOfCycles()
            .because("cycles make packages impossible to understand or move on their own");

    static final ArchRule out_ports_are_interfaces = classes()
            .that().resideInAPackage("io.quarterdeck.application.port.out..")
            .and().areNotAssignableTo(Throwable.class)
            .should().beInterfaces()
            .because("the core names what it needs; adapters decide how");
}
