package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.incidents.IncidentRepository;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.incidents.Incident;
import io.quarterdeck.domain.incidents.IncidentStatus;
import io.quarterdeck.domain.incidents.IncidentUpdate;
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
import java.util.Optional;
import javax.sql.DataSource;

/** Incidents in {@code incidents}, their timelines in {@code incident_updates} (appended, never rewritten). */
@ApplicationScoped
public class JdbcIncidentRepository implements IncidentRepository {
    private static final String COLUMNS = "id, title, description, severity, status, assigned_to, created_at,"
            + " updated_at, resolved_at";
    private final EntityManager em;
    private final DataSource dataSource;

    @Inject
    public JdbcIncidentRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcIncidentRepository() {
        this(null, null);
    }

    @Override
    public void save(Incident i) {
        JdbcInJpaTransaction.call(em, dataSource, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("update incidents set title = ?, description = ?,"
                    + " severity = ?, status = ?, assigned_to = ?, updated_at = ?, resolved_at = ? where id = ?")) {
                Rows.bind(ps, i.title(), i.description(), i.severity().name(), i.status().name(), i.assignedTo(),
                        i.updatedAt(), i.resolvedAt(), i.id());
                updated = ps.executeUpdate();
            }
            int stored = 0;
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into incidents (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Rows.bind(ps, i.id(), i.title(), i.description(), i.severity().name(), i.status().name(),
                            i.assignedTo(), i.createdAt(), i.updatedAt(), i.resolvedAt());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "select count(*) from incident_updates where incident_id = ?")) {
                    ps.setString(1, i.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        stored = rs.getInt(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into incident_updates (incident_id, seq, happened_at,"
                    + " author, status, message) values (?, ?, ?, ?, ?, ?)")) {
                List<IncidentUpdate> t = i.timeline();
                for (int n = stored; n < t.size(); n++) {
                    IncidentUpdate u = t.get(n);
                    Rows.bind(ps, i.id(), n, u.at(), u.author(), u.status().name(), u.message());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Incident> find(String id) {
        return query("select " + COLUMNS + " from incidents where id = ?", id).stream().findFirst();
    }

    @Override
    public List<Incident> list(int limit) {
        return query("select " + COLUMNS + " from incidents order by created_at desc, id fetch first " + limit
                + " rows only");
    }

    @Override
    public long openedSince(Instant since) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from incidents where created_at >= ?")) {
                Rows.bind(ps, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private List<Incident> query(String sql, Object... args) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> {
            List<Incident> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Rows.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(incident(c, rs));
                    }
                }
            }
            return out;
        });
    }

    private static Incident incident(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<IncidentUpdate> timeline = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select happened_at, author, status, message from incident_updates"
                + " where incident_id = ? order by seq")) {
            ps.setString(1, id);
            try (ResultSet u = ps.executeQuery()) {
                while (u.next()) {
                    timeline.add(new IncidentUpdate(Rows.instant(u, "happened_at"), u.getString("author"),
                            IncidentStatus.valueOf(u.getString("status")), u.getString("message")));
                }
            }
        }
        return Incident.restore(id, rs.getString("title"), rs.getString("description"),
                Severity.valueOf(rs.getString("severity")), IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("assigned_to"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "resolved_at"), timeline);
    }
}
