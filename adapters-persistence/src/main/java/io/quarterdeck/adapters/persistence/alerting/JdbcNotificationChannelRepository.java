package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.notifications.NotificationChannelRepository;
import io.quarterdeck.domain.alerting.ChannelType;
import io.quarterdeck.domain.alerting.NotificationChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Channels in {@code notification_channels}; the secrets arrive sealed and leave sealed. */
@ApplicationScoped
public class JdbcNotificationChannelRepository implements NotificationChannelRepository {
    private static final String COLUMNS = "id, name, type, enabled, settings, secret_previews, sealed_secrets,"
            + " created_at, updated_at, last_test, last_test_status";
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcNotificationChannelRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcNotificationChannelRepository() {
        this(null, null);
    }

    @Override
    public void save(NotificationChannel ch, String sealed) {
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            int updated;
            String status = ch.lastTestStatus() == null || ch.lastTestStatus().length() <= 500 ? ch.lastTestStatus()
                    : ch.lastTestStatus().substring(0, 500);
            try (PreparedStatement ps = c.prepareStatement("update notification_channels set name = ?, type = ?,"
                    + " enabled = ?, settings = ?, secret_previews = ?, sealed_secrets = ?, created_at = ?,"
                    + " updated_at = ?, last_test = ?, last_test_status = ? where id = ?")) {
                Rows.bind(ps, ch.name(), ch.type().name(), ch.enabled(), Rows.encode(ch.settings()),
                        Rows.encode(ch.secretPreviews()), sealed, ch.createdAt(), ch.updatedAt(), ch.lastTest(),
                        status, ch.id());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into notification_channels (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Rows.bind(ps, ch.id(), ch.name(), ch.type().name(), ch.enabled(), Rows.encode(ch.settings()),
                            Rows.encode(ch.secretPreviews()), sealed, ch.createdAt(), ch.updatedAt(), ch.lastTest(),
                            status);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Stored> find(String id) {
        return query("select " + COLUMNS + " from notification_channels where id = ?", id).stream().findFirst();
    }

    @Override
    public List<Stored> list() {
        return query("select " + COLUMNS + " from notification_channels order by created_at, id");
    }

    @Override
    public boolean delete(String id) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from notification_channels where id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private List<Stored> query(String sql, Object... args) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Rows.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(new NotificationChannel(rs.getString("id"), rs.getString("name"),
                                ChannelType.valueOf(rs.getString("type")), rs.getBoolean("enabled"),
                                Rows.decode(rs.getString("settings")), Rows.decode(rs.getString("secret_previews")),
                                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                                Rows.instant(rs, "last_test"), rs.getString("last_test_status")),
                                rs.getString("sealed_secrets")));
                    }
                }
            }
            return out;
        });
    }
}
