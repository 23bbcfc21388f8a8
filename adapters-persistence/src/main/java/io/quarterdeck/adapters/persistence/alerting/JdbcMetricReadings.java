package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.alerting.MetricReadings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Metric readings in {@code metric_readings}, until the host sampler's metric store takes this port over. */
@ApplicationScoped
public class JdbcMetricReadings implements MetricReadings {
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcMetricReadings(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcMetricReadings() {
        this(null, null);
    }

    @Override
    public List<Reading> since(String metric, String serverId, Instant since) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            String sql = "select server_id, observed_value, observed_at from metric_readings where metric = ?"
                    + " and observed_at >= ?" + (serverId == null ? "" : " and server_id = ?")
                    + " order by observed_at";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (serverId == null) {
                    Rows.bind(ps, metric, since);
                } else {
                    Rows.bind(ps, metric, since, serverId);
                }
                List<Reading> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Reading(rs.getString(1), rs.getDouble(2), Rows.instant(rs, "observed_at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void record(String metric, Reading r) {
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into metric_readings (metric, server_id,"
                    + " observed_value, observed_at) values (?, ?, ?, ?)")) {
                Rows.bind(ps, metric, r.serverId(), r.value(), r.at());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
