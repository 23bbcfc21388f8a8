package io.quarterdeck.application.port.out.metrics;

import java.util.List;

/**
 * Dashboards to show (seed 000's list): a Grafana's, or, when none is configured, the dashboards Quarterdeck ships for
 * its own metrics.
 */
public interface DashboardCatalog {
    /**
     * @throws MetricsQuery.BackendUnavailableException when the configured Grafana does not answer
     */
    List<Dashboard> dashboards();

    /** One dashboard; {@code url} opens it (absolute for a configured Grafana, relative for the shipped ones). */
    record Dashboard(String id, String title, String description, String url, List<String> tags) {
        public Dashboard {
            tags = List.copyOf(tags);
        }
    }
}
