package io.quarterdeck.adapters.observability.prometheus;

import io.quarterdeck.application.port.out.health.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Health of the configured Prometheus: {@code /-/ready}. */
@ApplicationScoped
public class PrometheusProbe implements DependencyProbe {
    private final PrometheusMetricsQuery prometheus;

    @Inject
    public PrometheusProbe(PrometheusMetricsQuery prometheus) {
        this.prometheus = prometheus;
    }

    /** For CDI proxies only. */
    protected PrometheusProbe() {
        this(null);
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public boolean configured() {
        return prometheus.configured();
    }

    @Override
    public long ping() {
        return prometheus.ready();
    }
}
