package io.quarterdeck.adapters.observability.grafana;

import io.quarterdeck.application.port.out.health.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Health of the configured Grafana: {@code /api/health}. */
@ApplicationScoped
public class GrafanaProbe implements DependencyProbe {
    private final GrafanaDashboardCatalog grafana;

    @Inject
    public GrafanaProbe(GrafanaDashboardCatalog grafana) {
        this.grafana = grafana;
    }

    /** For CDI proxies only. */
    protected GrafanaProbe() {
        this(null);
    }

    @Override
    public String name() {
        return "grafana";
    }

    @Override
    public boolean configured() {
        return grafana.configured();
    }

    @Override
    public long ping() {
        return grafana.ping();
    }
}
