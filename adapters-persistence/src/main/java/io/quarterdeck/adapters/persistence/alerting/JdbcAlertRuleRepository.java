package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.alerting.AlertRuleRepository;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Operator;
import io.quarterdeck.domain.alerting.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Rules in {@code alert_rules}; the claim is one conditional UPDATE, so concurrent instances split the rules. */
@ApplicationScoped
public class JdbcAlertRuleRepository implements AlertRuleRepository {
    private static final String COLUMNS = "id, name, kind, operator, threshold_value, window_seconds, level, source,"
            + " environment, fingerprint, metric, server_id, service, severity, enabled, notifications,"
            + " repeat_seconds, created_at, updated_at, last_triggered";
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcAlertRuleRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcAlertRuleRepository() {
        this(null, null);
    }

    @Override
    public void save(AlertRule r) {
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            Object[] values = values(r);
            int updated;
            try (PreparedStatement ps = c.prepareStatement("update alert_rules set name = ?, kind = ?, operator = ?,"
                    + " threshold_value = ?, window_seconds = ?, level = ?, source = ?, environment = ?,"
                    + " fingerprint = ?, metric = ?, server_id = ?, service = ?, severity = ?, enabled = ?, notifications = ?,"
                    + " repeat_seconds = ?, created_at = ?, updated_at = ?, last_triggered = ? where id = ?")) {
                Object[] shifted = Arrays.copyOf(Arrays.copyOfRange(values, 1, values.length), values.length);
                shifted[values.length - 1] = r.id();
                Rows.bind(ps, shifted);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into alert_rules (" + COLUMNS
                        + ", next_evaluation_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Object[] withDue = Arrays.copyOf(values, values.length + 1);
                    withDue[values.length] = r.createdAt();
                    Rows.bind(ps, withDue);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static Object[] values(AlertRule r) {
        Condition cond = r.condition();
        String kind;
        long window = 0;
        String level = null, source = null, env = null, fp = null, metric = null, server = null, service = null;
        if (cond instanceof Condition.ErrorCount e) {
            kind = "error_count";
            window = e.window().getSeconds();
            level = e.level();
            source = e.source();
            env = e.environment();
            fp = e.fingerprint();
        } else if (cond instanceof Condition.NewGroup g) {
            kind = "new_group";
            window = g.window().getSeconds();
            level = g.level();
            source = g.source();
            env = g.environment();
        } else if (cond instanceof Condition.Regression g) {
            kind = "regression";
            window = g.window().getSeconds();
            level = g.level();
            source = g.source();
            env = g.environment();
        } else if (cond instanceof Condition.ServiceDown d) {
            kind = "service_down";
            service = d.service();
        } else if (cond instanceof Condition.Metric m) {
            kind = "metric";
            window = m.duration().getSeconds();
            metric = m.metric();
            server = m.serverId();
        } else {
            kind = "external";
            source = ((Condition.External) cond).source();
        }
        return new Object[] {r.id(), r.name(), kind, cond.operator().name(), cond.threshold(), window, level, source,
            env, fp, metric, server, service, r.severity().name(), r.enabled(), String.join("\n", r.notifications()),
            r.repeatInterval().getSeconds(), r.createdAt(), r.updatedAt(), r.lastTriggered()};
    }

    @Override
    public Optional<AlertRule> find(String id) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            List<AlertRule> found = query(c, "select " + COLUMNS + " from alert_rules where id = ?", id);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<AlertRule> list() {
        return JdbcInJpaTransaction.call(em, dataSource, c -> query(c,
                "select " + COLUMNS + " from alert_rules order by created_at, id"));
    }

    @Override
    public boolean delete(String id) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from alert_rules where id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void markTriggered(String id, Instant at) {
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("update alert_rules set last_triggered = ? where id = ?")) {
                Rows.bind(ps, at, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AlertRule> claimDue(Instant now, Instant next, String claim) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("update alert_rules set next_evaluation_at = ?, claim = ?"
                    + " where enabled = true and kind <> 'external' and next_evaluation_at <= ?")) {
                Rows.bind(ps, next, claim, now);
                if (ps.executeUpdate() == 0) {
                    return List.of();
                }
            }
            return query(c, "select " + COLUMNS + " from alert_rules where claim = ?", claim);
        });
    }

    private static List<AlertRule> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<AlertRule> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rule(rs));
                }
                return out;
            }
        }
    }

    private static AlertRule rule(ResultSet rs) throws SQLException {
        Operator op = Operator.valueOf(rs.getString("operator"));
        double threshold = rs.getDouble("threshold_value");
        Duration window = Duration.ofSeconds(rs.getLong("window_seconds"));
        Condition cond = switch (rs.getString("kind")) {
            case "error_count" -> new Condition.ErrorCount(op, threshold, window, rs.getString("level"),
                    rs.getString("source"), rs.getString("environment"), rs.getString("fingerprint"));
            case "metric" -> new Condition.Metric(rs.getString("metric"), op, threshold, window,
                    rs.getString("server_id"));
            case "new_group" -> new Condition.NewGroup(window, rs.getString("level"), rs.getString("source"),
                    rs.getString("environment"));
            case "regression" -> new Condition.Regression(window, rs.getString("level"), rs.getString("source"),
                    rs.getString("environment"));
            case "service_down" -> new Condition.ServiceDown(rs.getString("service"), (int) threshold);
            default -> new Condition.External(rs.getString("source"));
        };
        String n = rs.getString("notifications");
        return new AlertRule(rs.getString("id"), rs.getString("name"), cond,
                Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)), rs.getBoolean("enabled"),
                n.isEmpty() ? List.of() : List.of(n.split("\n")), Duration.ofSeconds(rs.getLong("repeat_seconds")),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), Rows.instant(rs, "last_triggered"));
    }
}
