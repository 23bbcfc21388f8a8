package io.quarterdeck.adapters.persistence.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the migrations in {@code db/migration}: one set, written for both H2 and
 * PostgreSQL, plus {@code db/vendor/<vendor>} for what only one of them can do (PostgreSQL's trigram index for log
 * search). Run once at start, before anything else touches the database; safe to run again.
 * <p>Liberty's class loader cannot list a directory inside a jar: the empty {@code db/migration/flyway.location}
 * marker (one in each vendor directory too) lets Flyway find it there (Flyway's documented WebSphere workaround).
 */
public final class FlywayMigrations {
    private FlywayMigrations() {
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(FlywayMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .callbackLocations("classpath:db/migration")
                .cleanDisabled(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** {@code postgresql} or {@code h2}: the directory of migrations only that database runs. */
    static String vendor(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return DatabaseProduct.isPostgres(c) ? "postgresql" : "h2";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: SQLState " + e.getSQLState(), e);
        }
    }
}
