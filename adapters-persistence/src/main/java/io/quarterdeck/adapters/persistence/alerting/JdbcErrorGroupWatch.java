package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.alerting.ErrorGroupWatch;
import io.quarterdeck.domain.alerting.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * New and regressed groups in {@code error_groups}: new groups by {@code idx_errors_first_seen} (V13; first_seen
 * never changes, so the index costs no extra write on an occurrence that is not a new group's first), regressed
 * ones by the partial index {@code idx_errors_regressed_seen} on PostgreSQL (V13_1; only regressed rows are in
 * it), by {@code idx_errors_timestamp} on H2. Filters are the group's level, source and environment.
 */
@ApplicationScoped
public class JdbcErrorGroupWatch implements ErrorGroupWatch {
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcErrorGroupWatch(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcErrorGroupWatch() {
        this(null, null);
    }

    @Override
    public List<GroupHit> newGroups(Condition.NewGroup c, Instant since, int limit) {
        return query("first_seen >= ?", "first_seen desc", since, c.level(), c.source(), c.environment(), limit);
    }

    @Override
    public List<GroupHit> regressions(Condition.Regression c, Instant since, int limit) {
        return query("regressed = true and last_seen >= ?", "last_seen desc", since, c.level(), c.source(),
                c.environment(), limit);
    }

    private List<GroupHit> query(String where, String order, Instant since, String level, String source,
                                 String environment, int limit) {
        StringBuilder sql = new StringBuilder("select id, source, occurrence_count from error_groups where ")
                .append(where);
        List<Object> args = new ArrayList<>();
        args.add(since);
        if (level != null) {
            sql.append(" and level = ?");
            args.add(level);
        }
        if (source != null) {
            sql.append(" and source = ?");
            args.add(source);
        }
        if (environment != null) {
            sql.append(" and environment = ?");
            args.add(environment);
        }
        sql.append(" order by ").append(order).append(" fetch first ").append(Math.max(1, limit))
                .append(" rows only");
        return JdbcInJpaTransaction.call(em, dataSource, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                Rows.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    List<GroupHit> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new GroupHit(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                    return out;
                }
            }
        });
    }
}
