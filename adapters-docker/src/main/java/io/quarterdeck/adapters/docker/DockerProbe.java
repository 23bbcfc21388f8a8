package io.quarterdeck.adapters.docker;

import io.quarterdeck.application.port.out.health.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The local Docker Engine as a dependency in health reports ({@code docker}): one {@code /_ping}. An engine that
 * does not answer is reported, never fatal: readiness does not depend on it.
 */
@ApplicationScoped
public class DockerProbe implements DependencyProbe {
    private final DockerEngines engines;

    @Inject
    public DockerProbe(DockerEngines engines) {
        this.engines = engines;
    }

    /** For CDI proxies only. */
    protected DockerProbe() {
        this(null);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public long ping() {
        return engines.local().ping();
    }
}
