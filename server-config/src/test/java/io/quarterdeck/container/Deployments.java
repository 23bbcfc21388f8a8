package io.quarterdeck.container;

import io.quarterdeck.architecture.ProductionClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the archives the in-container tests deploy. The archive is the WAR that ships (so its packaging, its
 * bean archives and its start-up are what is tested), renamed so that it gets a context root of its own, plus this
 * package: the tests, and the test-only decorators that record events and inject faults into out-ports.
 */
final class Deployments {
    /** The port interfaces found at build time, one class name a line (read inside the container). */
    static final String PORTS = "io/quarterdeck/container/ports.txt";

    private static final Pattern PORT_PACKAGE = Pattern.compile("io\\.quarterdeck\\.application\\.port\\.(in|out)(\\..+)?");

    private Deployments() {
    }

    static WebArchive application() {
        File war = new File(System.getProperty("quarterdeck.war", "target/quarterdeck.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("no WAR at " + war + "; run the integration tests through mvn verify");
        }
        return ShrinkWrap.create(WebArchive.class, "quarterdeck-container.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war))
                // Not this builder: it runs on the client and needs ArchUnit, which the archive does not carry.
                .addPackages(true, Filters.exclude(Deployments.class), Deployments.class.getPackage())
                .addAsResource(new StringAsset(String.join("\n", portInterfaces())), PORTS);
    }

    /** Every interface in the core's port.in and port.out packages, from the compiled application module. */
    static List<String> portInterfaces() {
        List<String> ports = new ClassFileImporter().withImportOption(ProductionClasses.ONLY)
                .importPackages("io.quarterdeck.application.port").stream()
                .filter(c -> c.isInterface() && !c.isAnnotation() && !c.getSimpleName().equals("package-info"))
                // Interfaces nested in a port are the callbacks and handles it takes or hands out (a terminal's
                // output, an open terminal), never injected: not ports themselves.
                .filter(c -> !c.isNestedClass())
                .filter(c -> PORT_PACKAGE.matcher(c.getPackageName()).matches())
                .map(JavaClass::getName)
                .sorted()
                .toList();
        if (ports.isEmpty()) {
            throw new IllegalStateException("no port interfaces found under io.quarterdeck.application.port");
        }
        return ports;
    }
}
