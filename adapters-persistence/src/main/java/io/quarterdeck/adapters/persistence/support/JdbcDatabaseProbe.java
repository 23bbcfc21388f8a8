package io.quarterdeck.adapters.persistence.support;

import io.quarterdeck.application.port.out.health.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A real round trip: {@code SELECT 1} on a pooled connection, two seconds at most. */
@ApplicationScoped
public class JdbcDatabaseProbe implements DatabaseProbe {
    private final DataSource dataSource;

    @Inject
    public JdbcDatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcDatabaseProbe() {
        this.dataSource = null;
    }

    @Override
    public long ping() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("database does not answer: " + e.getSQLState(), e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
