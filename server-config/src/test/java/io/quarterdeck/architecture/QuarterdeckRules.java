package io.quarterdeck.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The architecture of Quarterdeck as rules; fields are named as the sentences they enforce. */
final class QuarterdeckRules {
    private QuarterdeckRules() {
    }

    static final String COMPOSITION_ROOT = "io.quarterdeck.server..";
    static final String DOMAIN = "io.quarterdeck.domain..";
    static final String PORTS = "io.quarterdeck.application.port..";
    static final String ADAPTERS = "io.quarterdeck.adapters..";
    static final String PERSISTENCE = "io.quarterdeck.adapters.persistence..";
    static final String SECURITY = "io.quarterdeck.adapters.security..";
    static final String DOCKER = "io.quarterdeck.adapters.docker..";
    static final String OBSERVABILITY = "io.quarterdeck.adapters.observability..";
    static final String REST = "io.quarterdeck.adapters.rest..";
    static final String SPINE = "io.quarterdeck.adapters.rest.spine..";
    static final String MESSAGING = "io.quarterdeck.adapters.messaging..";

    /**
     * Every package directly under {@code application} except {@code port}, as found among the production classes:
     * a new service package is inside the rules the moment it exists, without editing this list.
     */
    static final String[] APPLICATION_SERVICES = new ClassFileImporter()
            .withImportOption(ProductionClasses.ONLY).importPackages("io.quarterdeck.application")
            .stream().map(JavaClass::getPackageName)
            .filter(p -> p.startsWith("io.quarterdeck.application.") && !p.startsWith("io.quarterdeck.application.port"))
            .map(p -> "io.quarterdeck.application." + p.substring("io.quarterdeck.application.".length()).split("\\.")[0] + "..")
            .collect(Collectors.toCollection(TreeSet::new)).toArray(String[]::new);

    static final ArchRule the_core_is_an_onion_and_adapters_do_not_see_each_other = onionArchitecture()
            .domainModels(DOMAIN)
            .domainServices(PORTS)
            .applicationServices(APPLICATION_SERVICES)
            .adapter("persistence", PERSISTENCE)
            .adapter("security", SECURITY)
            .adapter("docker", DOCKER)
            .adapter("observability", OBSERVABILITY)
            .adapter("rest", REST)
            .adapter("messaging", MESSAGING)
            .withOptionalLayers(false)
            // The composition root (server-config) wires every layer together; the rules below still hold there.
            .ignoreDependency(resideInAPackage(COMPOSITION_ROOT), alwaysTrue())
            .because("the domain is the centre, ports wrap it, services implement the ports, and each adapter"
                    + " is one technology that only the composition root may combine");

    static final ArchRule adapters_see_only_the_ports_and_the_domain_of_the_core = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat(resideInAPackage("io.quarterdeck.application..")
                    .and(not(resideInAPackage(PORTS))))
            .because("an adapter talks to the core through its ports; services, their settings and their exceptions"
                    + " stay behind them");

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

    static final ArchRule surfaces_never_depend_on_each_other = slices()
            .matching("io.quarterdeck.adapters.rest.(*)..").should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(SPINE))
            .because("each mounted contract is a module of its own; what they share lives in the spine");

    static final ArchRule only_the_persistence_adapter_uses_jpa_jdbc_frameworks = noClasses()
            .that().resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat(resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "org.flywaydb.."))
            .because("storage technology is the persistence adapter's alone (the composition root included)");

    static final ArchRule only_the_rest_adapters_use_http = noClasses()
            .that().resideOutsideOfPackage(REST)
            .should().dependOnClassesThat(resideInAnyPackage("jakarta.ws.rs..", "jakarta.websocket..",
                    "jakarta.servlet.."))
            .because("HTTP and WebSocket endpoints, filters and principals live in the REST adapters only"
                    + " (the composition root included)");

    static final ArchRule only_the_security_adapter_uses_crypto_libraries = noClasses()
            .that().resideOutsideOfPackage(SECURITY)
            .should().dependOnClassesThat(resideInAnyPackage("org.jose4j..", "org.bouncycastle.."))
            .because("tokens, keys and hashing are the security adapter's alone");

    static final ArchRule only_the_docker_adapter_uses_docker_java = noClasses()
            .that().resideOutsideOfPackage(DOCKER)
            .should().dependOnClassesThat(resideInAnyPackage("com.github.dockerjava.."))
            .because("the container engine's client is the Docker adapter's alone; the core sees the engine port");

    static final ArchRule only_the_messaging_adapter_uses_the_rabbitmq_client = noClasses()
            .that().resideOutsideOfPackage("io.quarterdeck.adapters.messaging.amqp..")
            .should().dependOnClassesThat(resideInAnyPackage("com.rabbitmq.."))
            .because("the RabbitMQ client is the messaging adapter's alone (its amqp package)");

    static final ArchRule only_the_observability_adapter_calls_monitoring_services = noClasses()
            .that().resideOutsideOfPackages(OBSERVABILITY, SECURITY, MESSAGING)
            .should().dependOnClassesThat(resideInAnyPackage("java.net.http.."))
            .because("Prometheus, Loki and Grafana are called by the observability adapter alone (besides it, the"
                    + " security adapter fetches an OIDC issuer's keys and the messaging adapter posts notifications);"
                    + " the core and the REST surfaces reach them through ports");

    static final ArchRule only_the_messaging_adapter_sends_mail = noClasses()
            .that().resideOutsideOfPackage(MESSAGING)
            .should().dependOnClassesThat(resideInAnyPackage("jakarta.mail..", "org.eclipse.angus.."))
            .because("notification channels (SMTP among them) are the messaging adapter's alone"
                    + " (the composition root included)");

    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("io.quarterdeck.(**)").should().beFreeOfCycles()
            .because("cycles make packages impossible to understand or move on their own");

    static final ArchRule out_ports_are_interfaces = classes()
            .that().resideInAPackage("io.quarterdeck.application.port.out..")
            .and().areNotAssignableTo(Throwable.class)
            .and().areNotAssignableTo(Record.class)
            .should().beInterfaces()
            .because("the core names what it needs (interfaces, with records for the values they carry);"
                    + " adapters decide how");
}
