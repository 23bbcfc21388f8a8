package io.quarterdeck.architecture;

import com.tngtech.archunit.core.importer.ImportOption;

/**
 * What the architecture tests import as production code. ArchUnit's {@code DO_NOT_INCLUDE_TESTS} recognises test
 * class folders but not a module's {@code -tests.jar}, and adapters-docker shares its Docker fixtures (the CLI, a TCP
 * relay to the engine's socket) with the HTTP tests as one.
 */
public final class ProductionClasses {
    private ProductionClasses() {
    }

    public static final ImportOption ONLY = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
            && !location.contains("-tests.jar");
}
