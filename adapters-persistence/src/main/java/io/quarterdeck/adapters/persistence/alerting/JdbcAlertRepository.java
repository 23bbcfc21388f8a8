package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.alerting.AlertRepository;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Alerts in {@code alerts}. */
@ApplicationScoped
public class JdbcAlertRepository implements AlertRepository {
    private static final String COLUMNS = "id, rule_id, alert_key, name, severity, service, description, firing,"
            + " started_at, resolved_at, observed_value, threshold_value, last_notified_at, incident_id";
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcAlertRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcAlertRepository() {
        this(null, null);
    }

    @Override
    public void save(Alert a) {
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("update alerts set rule_id = ?, alert_key = ?, name = ?,"
                    + " severity = ?, service = ?, description = ?, firing = ?, started_at = ?, resolved_at = ?,"
                    + " observed_value = ?, threshold_value = ?, last_notified_at = ?, incident_id = ? where id = ?")) {
                Rows.bind(ps, a.ruleId(), a.key(), a.name(), a.severity().name(), a.service(), a.description(),
                        a.firing(), a.startedAt(), a.resolvedAt(), a.value(), a.threshold(), a.lastNotifiedAt(),
                        a.incidentId(), a.id());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into alerts (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Rows.bind(ps, a.id(), a.ruleId(), a.key(), cut(a.name(), 300), a.severity().name(),
                            cut(a.service(), 200), cut(a.description(), 2000), a.firing(), a.startedAt(),
                            a.resolvedAt(), a.value(), a.threshold(), a.lastNotifiedAt(), a.incidentId());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public Optional<Alert> find(String id) {
        return query("select " + COLUMNS + " from alerts where id = ?", id).stream().findFirst();
    }

    @Override
    public List<Alert> firingFor(String ruleId) {
        return query("select " + COLUMNS + " from alerts where rule_id = ? and firing = true for update", ruleId);
    }

    @Override
    public List<Alert> firing(int limit) {
        return query("select " + COLUMNS + " from alerts where firing = true order by started_at desc, id"
                + " fetch first " + limit + " rows only");
    }

    @Override
    public List<Alert> recent(int limit) {
        return query("select " + COLUMNS + " from alerts order by started_at desc, id fetch first " + limit
                + " rows only");
    }

    private List<Alert> query(String sql, Object... args) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Rows.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Alert> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(alert(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getString("id"), rs.getString("rule_id"), rs.getString("alert_key"), rs.getString("name"),
                Severity.valueOf(rs.getString("severity")), rs.getString("service"), rs.getString("description"),
                rs.getBoolean("firing"), Rows.instant(rs, "started_at"), Rows.instant(rs, "resolved_at"),
                rs.getDouble("observed_value"), rs.getDouble("threshold_value"), Rows.instant(rs, "last_notified_at"),
                rs.getString("incident_id"));
    }
}
