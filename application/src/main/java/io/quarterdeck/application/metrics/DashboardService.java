package io.quarterdeck.application.metrics;

import io.quarterdeck.application.port.in.metrics.ListDashboardsUseCase;
import io.quarterdeck.application.port.out.metrics.DashboardCatalog;
import io.quarterdeck.application.port.out.metrics.DashboardCatalog.Dashboard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Lists the catalog's dashboards by title. */
@ApplicationScoped
public class DashboardService implements ListDashboardsUseCase {
    private final DashboardCatalog catalog;

    @Inject
    public DashboardService(DashboardCatalog catalog) {
        this.catalog = catalog;
    }

    /** For CDI proxies only. */
    protected DashboardService() {
        this(null);
    }

    @Override
    public List<Dashboard> dashboards() {
        return catalog.dashboards().stream().sorted(java.util.Comparator.comparing(Dashboard::title)).toList();
    }
}
