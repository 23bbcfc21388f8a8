package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.adapters.persistence.support.UniqueViolation;
import io.quarterdeck.application.port.out.identity.SigningKeyStore;
import io.quarterdeck.application.port.out.identity.StoredSigningKey;
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
import java.util.List;
import javax.sql.DataSource;

/**
 * The signing key ring in {@code signing_keys}, by plain JDBC: the key ring reads it from a timer and at start,
 * outside any transaction, and each call is one auto-committed statement.
 */
@ApplicationScoped
public class JdbcSigningKeyStore implements SigningKeyStore {
    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;

    public JdbcSigningKeyStore() {
    }

    /** For tests outside a container. */
    public JdbcSigningKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StoredSigningKey> all() {
        List<StoredSigningKey> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT kid, public_jwk, private_key_encrypted, created_at, retired_at FROM signing_keys"
                        + " ORDER BY created_at, kid");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredSigningKey(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        instant(rs, 5)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the signing keys: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public void insert(StoredSigningKey key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO signing_keys (kid, public_jwk, private_key_encrypted, created_at, retired_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, key.kid());
            s.setString(2, key.publicJwk());
            s.setString(3, key.encryptedPrivateKey());
            setInstant(s, 4, key.createdAt());
            setInstant(s, 5, key.retiredAt());
            s.executeUpdate();
        } catch (SQLException e) {
            if (UniqueViolation.in(e)) {
                throw new ConflictException("kid", "a signing key with kid " + key.kid() + " is already stored");
            }
            throw new IllegalStateException("cannot store a signing key: SQLState " + e.getSQLState(), e);
        }
    }

    @Override
    public int retireActiveCreatedBefore(Instant createdBefore, Instant retiredAt) {
        return update("UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL AND created_at < ?",
                retiredAt, createdBefore);
    }

    @Override
    public int deleteRetiredBefore(Instant cutOff) {
        return update("DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < ?", cutOff);
    }

    private int update(String sql, Instant... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                setInstant(s, i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the signing keys: SQLState " + e.getSQLState(), e);
        }
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
