package io.quarterdeck.adapters.security.keys;

import io.quarterdeck.adapters.persistence.support.FlywayMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two key rings on one PostgreSQL 15 (the one {@code scripts/services.sh} starts), in a schema of their own that is
 * dropped afterwards, so the test never touches another test's tables.
 */
class SharedKeyRingPostgresIT extends SharedKeyRingContract {
    private static final String SCHEMA = "keyring_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static PGSimpleDataSource pg;

    @BeforeAll
    static void open() throws SQLException {
        pg = new PGSimpleDataSource();
        String database = System.getenv().getOrDefault("QUARTERDECK_TEST_DB", "quarterdeck_test");
        pg.setURL("jdbc:postgresql://" + System.getProperty("quarterdeck.test.pg.server", "127.0.0.1:5432") + "/" + database);
        pg.setUser(System.getProperty("quarterdeck.test.pg.user", "quarterdeck"));
        pg.setPassword(System.getProperty("quarterdeck.test.pg.password", "quarterdeck"));
        execute("create schema " + SCHEMA);
        pg.setCurrentSchema(SCHEMA);
        FlywayMigrations.migrate(pg);
    }

    @AfterAll
    static void drop() throws SQLException {
        execute("drop schema if exists " + SCHEMA + " cascade");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    protected DataSource database() {
        return pg;
    }
}
