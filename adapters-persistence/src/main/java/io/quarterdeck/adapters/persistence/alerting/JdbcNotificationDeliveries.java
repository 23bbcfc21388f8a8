package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.notifications.NotificationDeliveries;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The delivery queue and history in {@code notification_deliveries}. A claim moves the due rows' next attempt
 * forward and tags them in one UPDATE whose WHERE repeats the due condition, so a concurrent claimer (which waits
 * for the row locks and then re-checks that condition) never gets the same rows.
 */
@ApplicationScoped
public class JdbcNotificationDeliveries implements NotificationDeliveries {
    private static final String COLUMNS = "id, channel_id, channel_name, channel_type, alert_id, rule_id, kind,"
            + " severity, title, body, observed_value, threshold_value, status, attempts, next_attempt_at,"
            + " last_error, created_at, sent_at";
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcNotificationDeliveries(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcNotificationDeliveries() {
        this(null, null);
    }

    @Override
    public void enqueue(Collection<NotificationDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into notification_deliveries (" + COLUMNS
                    + ", claim) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)")) {
                for (NotificationDelivery d : deliveries) {
                    Rows.bind(ps, d.id(), d.channelId(), d.channelName(), d.channelType(), d.alertId(), d.ruleId(),
                            d.kind(), d.severity(), cut(d.title(), 400), cut(d.text(), 4000), d.value(),
                            d.threshold(), d.status(), d.attempts(), d.nextAttemptAt(), cut(d.lastError(), 1000),
                            d.createdAt(), d.sentAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<NotificationDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        String claim = UUID.randomUUID().toString();
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("update notification_deliveries set next_attempt_at = ?,"
                    + " claim = ? where status = 'pending' and next_attempt_at <= ? and id in (select id from"
                    + " notification_deliveries where status = 'pending' and next_attempt_at <= ?"
                    + " order by next_attempt_at fetch first " + limit + " rows only)")) {
                Rows.bind(ps, leaseUntil, claim, now, now);
                if (ps.executeUpdate() == 0) {
                    return List.of();
                }
            }
            return query(c, "select " + COLUMNS + " from notification_deliveries where claim = ?", claim);
        });
    }

    @Override
    public void update(NotificationDelivery d) {
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("update notification_deliveries set status = ?,"
                    + " attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?, claim = null where id = ?")) {
                Rows.bind(ps, d.status(), d.attempts(), d.nextAttemptAt(), cut(d.lastError(), 1000), d.sentAt(),
                        d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<NotificationDelivery> history(String channelId, String status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from notification_deliveries where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (channelId != null) {
            sql.append(" and channel_id = ?");
            args.add(channelId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        sql.append(" order by created_at desc, id fetch first ").append(limit).append(" rows only");
        return JdbcInJpaTransaction.call(em, dataSource, c -> query(c, sql.toString(), args.toArray()));
    }

    @Override
    public Optional<NotificationDelivery> find(String id) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> query(c,
                "select " + COLUMNS + " from notification_deliveries where id = ?", id).stream().findFirst());
    }

    private static List<NotificationDelivery> query(java.sql.Connection c, String sql, Object... args)
            throws SQLException {
        List<NotificationDelivery> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NotificationDelivery(rs.getString("id"), rs.getString("channel_id"),
                            rs.getString("channel_name"), rs.getString("channel_type"), rs.getString("alert_id"),
                            rs.getString("rule_id"), rs.getString("kind"), rs.getString("severity"),
                            rs.getString("title"), rs.getString("body"), rs.getDouble("observed_value"),
                            rs.getDouble("threshold_value"), rs.getString("status"), rs.getInt("attempts"),
                            Rows.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                            Rows.instant(rs, "created_at"), Rows.instant(rs, "sent_at")));
                }
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
