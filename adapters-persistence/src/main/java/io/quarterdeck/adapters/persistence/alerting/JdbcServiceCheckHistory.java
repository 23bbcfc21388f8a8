package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import javax.sql.DataSource;

/** Checks in {@code service_checks} (migration V8_1), aggregated in SQL. */
@ApplicationScoped
public class JdbcServiceCheckHistory implements ServiceCheckHistory {
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcServiceCheckHistory(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcServiceCheckHistory() {
        this(null, null);
    }

    @Override
    public void record(Collection<Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into service_checks (service, checked_at, up,"
                    + " latency_ms) values (?, ?, ?, ?)")) {
                for (Check k : checks) {
                    Rows.bind(ps, k.service(), k.at(), k.up(), k.latencyMs());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Double> uptimePercent(String service, Instant since) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*), sum(case when up then 1 else 0 end)"
                    + " from service_checks where service = ? and checked_at >= ?")) {
                Rows.bind(ps, service, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long all = rs.getLong(1);
                    return all == 0 ? Optional.<Double>empty()
                            : Optional.of(Math.round(rs.getLong(2) * 10_000.0 / all) / 100.0);
                }
            }
        });
    }

    @Override
    public Optional<Double> averageLatencyMs(Instant since) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("select avg(cast(latency_ms as double precision))"
                    + " from service_checks where checked_at >= ? and up = true and latency_ms is not null")) {
                Rows.bind(ps, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double avg = rs.getDouble(1);
                    return rs.wasNull() ? Optional.<Double>empty() : Optional.of(avg);
                }
            }
        });
    }

    @Override
    public Optional<Boolean> lastState(String service) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("select up from service_checks where service = ?"
                    + " order by checked_at desc fetch first 1 rows only")) {
                ps.setString(1, service);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.<Boolean>empty();
                }
            }
        });
    }

    @Override
    public Optional<Instant> lastDown(String service) {
        return time("select max(checked_at) from service_checks where service = ? and up = false", service);
    }

    @Override
    public Optional<Instant> firstCheck(String service) {
        return time("select min(checked_at) from service_checks where service = ?", service);
    }

    private Optional<Instant> time(String sql, String service) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, service);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
                    return Optional.ofNullable(t == null ? null : t.toInstant());
                }
            }
        });
    }

    @Override
    public int consecutiveDown(String service, int max) {
        // The newest max checks by the (service, checked_at) index, read newest first until one was up.
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("select up from service_checks where service = ?"
                    + " order by checked_at desc fetch first " + Math.max(1, max) + " rows only")) {
                ps.setString(1, service);
                try (ResultSet rs = ps.executeQuery()) {
                    int down = 0;
                    while (rs.next() && !rs.getBoolean(1)) {
                        down++;
                    }
                    return down;
                }
            }
        });
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from service_checks where checked_at < ?")) {
                Rows.bind(ps, cutoff);
                return (long) ps.executeUpdate();
            }
        });
    }
}
