package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.alerting.ErrorEventCounts;
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
 * Counts in {@code error_occurrences} over the window (index {@code idx_occurrences_time_level}); joins the group
 * only when the rule filters on its source or fingerprint.
 */
@ApplicationScoped
public class JdbcErrorEventCounts implements ErrorEventCounts {
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcErrorEventCounts(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcErrorEventCounts() {
        this(null, null);
    }

    @Override
    public long count(Condition.ErrorCount c, Instant since) {
        boolean join = c.source() != null || c.fingerprint() != null;
        StringBuilder sql = new StringBuilder("select count(*) from error_occurrences o");
        if (join) {
            sql.append(" join error_groups g on g.id = o.group_id");
        }
        sql.append(" where o.occurred_at >= ?");
        List<Object> args = new ArrayList<>();
        args.add(since);
        if (c.level() != null) {
            sql.append(" and o.level = ?");
            args.add(c.level());
        }
        if (c.environment() != null) {
            sql.append(" and o.environment = ?");
            args.add(c.environment());
        }
        if (c.source() != null) {
            sql.append(" and g.source = ?");
            args.add(c.source());
        }
        if (c.fingerprint() != null) {
            sql.append(" and g.fingerprint = ?");
            args.add(c.fingerprint());
        }
        return JdbcInJpaTransaction.call(em, dataSource, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                Rows.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
