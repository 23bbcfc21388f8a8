package io.quarterdeck.adapters.observability.loki;

import io.quarterdeck.application.port.out.health.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Health of the configured Loki: {@code /ready}. */
@ApplicationScoped
public class LokiProbe implements DependencyProbe {
    private final LokiLogStore loki;

    @Inject
    public LokiProbe(LokiLogStore loki) {
        this.loki = loki;
    }

    /** For CDI proxies only. */
    protected LokiProbe() {
        this(null);
    }

    @Override
    public String name() {
        return "loki";
    }

    @Override
    public boolean configured() {
        return loki.configured();
    }

    @Override
    public long ping() {
        return loki.ready();
    }
}
