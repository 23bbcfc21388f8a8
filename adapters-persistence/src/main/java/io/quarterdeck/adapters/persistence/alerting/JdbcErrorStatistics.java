package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.analytics.ErrorStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Aggregates in SQL: counts over time ranges of {@code error_occurrences} (index on occurred_at, level) and of
 * {@code error_groups} (index on resolved_at); buckets are {@code floor(epoch / size)}, which H2 and PostgreSQL
 * compute alike. Only the aggregates leave the database.
 */
@ApplicationScoped
public class JdbcErrorStatistics implements ErrorStatistics {
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcErrorStatistics(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcErrorStatistics() {
        this(null, null);
    }

    @Override
    public long occurrencesBetween(Instant from, Instant to) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from error_occurrences"
                    + " where occurred_at >= ? and occurred_at < ?")) {
                Rows.bind(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Totals totals(Instant now, Instant day, Instant week, Instant month) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            long total;
            long resolved;
            double avg;
            try (PreparedStatement ps = c.prepareStatement("select count(*),"
                    + " sum(case when resolved then 1 else 0 end),"
                    + " avg(case when resolved_at is not null then extract(epoch from resolved_at)"
                    + " - extract(epoch from first_seen) end) from error_groups");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
                resolved = rs.getLong(2);
                avg = rs.getDouble(3);
            }
            Instant last24 = now.minusSeconds(86_400);
            Instant earliest = min(min(day, week), min(month, last24));
            try (PreparedStatement ps = c.prepareStatement("select"
                    + " sum(case when occurred_at >= ? then 1 else 0 end),"
                    + " sum(case when occurred_at >= ? then 1 else 0 end),"
                    + " sum(case when occurred_at >= ? then 1 else 0 end),"
                    + " sum(case when occurred_at >= ? then 1 else 0 end)"
                    + " from error_occurrences where occurred_at >= ?")) {
                Rows.bind(ps, day, week, month, last24, earliest);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Totals(total, resolved, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            avg);
                }
            }
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public List<Bucket> trend(Instant from, Instant to, long bucketSeconds) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            TreeMap<Long, long[]> buckets = new TreeMap<>();
            fill(c, "select b, count(*), sum(crit) from (select floor(extract(epoch from occurred_at) / "
                    + bucketSeconds + ") as b, case when level = 'critical' then 1 else 0 end as crit"
                    + " from error_occurrences where occurred_at >= ? and occurred_at < ?) t group by b",
                    from, to, buckets, 0, 2);
            fill(c, "select b, count(*), 0 from (select floor(extract(epoch from resolved_at) / " + bucketSeconds
                    + ") as b from error_groups where resolved_at >= ? and resolved_at < ?) t group by b",
                    from, to, buckets, 1, -1);
            List<Bucket> out = new ArrayList<>();
            buckets.forEach((b, v) -> out.add(new Bucket(Instant.ofEpochSecond(b * bucketSeconds), v[0], v[1],
                    v[2])));
            return out;
        });
    }

    private static void fill(Connection c, String sql, Instant from, Instant to, TreeMap<Long, long[]> buckets,
                             int countSlot, int secondSlot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = buckets.computeIfAbsent(rs.getLong(1), k -> new long[3]);
                    v[countSlot] += rs.getLong(2);
                    if (secondSlot >= 0) {
                        v[secondSlot] += rs.getLong(3);
                    }
                }
            }
        }
    }
}
