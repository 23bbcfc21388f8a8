package io.quarterdeck.adapters.persistence.containers;

import io.quarterdeck.adapters.persistence.support.UniqueViolation;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.Server;
import io.quarterdeck.domain.containers.ServerDraft;
import io.quarterdeck.domain.containers.ServerStatus;
import io.quarterdeck.domain.shared.ConflictException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The registered servers in {@code servers}, by plain JDBC: each call is one auto-committed statement (servers are
 * read by the container use cases outside transactions, and a status change is a single row).
 */
@ApplicationScoped
public class JdbcServerRepository implements ServerRepository {
    private static final String COLUMNS = "id, name, host, docker_url, tls_ca_path, tls_cert_path, tls_key_path,"
            + " description, tags, status, last_contact_at, created_at, updated_at";

    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;

    public JdbcServerRepository() {
    }

    /** For tests outside a container. */
    public JdbcServerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Server> all() {
        List<Server> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM servers ORDER BY name_key");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the servers: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public Optional<Server> find(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM servers WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a server: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public void insert(Server server) {
        String sql = "INSERT INTO servers (name, name_key, host, docker_url, tls_ca_path, tls_cert_path, tls_key_path,"
                + " description, tags, status, last_contact_at, created_at, updated_at, id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        write(sql, server);
    }

    @Override
    public boolean update(Server server) {
        String sql = "UPDATE servers SET name = ?, name_key = ?, host = ?, docker_url = ?, tls_ca_path = ?,"
                + " tls_cert_path = ?, tls_key_path = ?, description = ?, tags = ?, status = ?, last_contact_at = ?,"
                + " created_at = ?, updated_at = ? WHERE id = ?";
        return write(sql, server) == 1;
    }

    @Override
    public boolean delete(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM servers WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete a server: SQLState " + e.getSQLState(), e);
        }
    }

    private int write(String sql, Server server) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            EngineEndpoint.Tls tls = server.endpoint().tls();
            s.setString(1, server.name());
            s.setString(2, server.name().toLowerCase(Locale.ROOT));
            s.setString(3, server.host());
            s.setString(4, server.endpoint().url());
            s.setString(5, tls == null ? null : tls.caPath());
            s.setString(6, tls == null ? null : tls.certPath());
            s.setString(7, tls == null ? null : tls.keyPath());
            s.setString(8, server.description());
            s.setString(9, String.join("\n", server.tags()));
            s.setString(10, server.status().wireName());
            setInstant(s, 11, server.lastContactAt());
            setInstant(s, 12, server.createdAt());
            setInstant(s, 13, server.updatedAt());
            s.setString(14, server.id());
            return s.executeUpdate();
        } catch (SQLException e) {
            if (UniqueViolation.in(e)) {
                throw new ConflictException("name", "A server named " + server.name() + " is already registered");
            }
            throw new IllegalStateException("cannot store a server: SQLState " + e.getSQLState(), e);
        }
    }

    private static Server read(ResultSet rs) throws SQLException {
        String ca = rs.getString(5);
        EngineEndpoint.Tls tls = ca == null ? null : new EngineEndpoint.Tls(ca, rs.getString(6), rs.getString(7));
        String tags = rs.getString(9);
        ServerDraft draft = new ServerDraft(rs.getString(2), rs.getString(3), new EngineEndpoint(rs.getString(4), tls),
                rs.getString(8), tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")));
        return Server.restore(rs.getString(1), draft, ServerStatus.fromWire(rs.getString(10)), instant(rs, 11),
                instant(rs, 12), instant(rs, 13));
    }

    private static void setInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
