package io.quarterdeck.application.port.in.metrics;

import io.quarterdeck.application.port.out.metrics.DashboardCatalog.Dashboard;
import java.util.List;

/** The dashboards to offer (Grafana's, or Quarterdeck's own when no Grafana is configured). */
public interface ListDashboardsUseCase {
    List<Dashboard> dashboards();
}
