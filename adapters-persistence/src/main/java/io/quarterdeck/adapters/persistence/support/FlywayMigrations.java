package io.quarterdeck.adapters.persistence.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the migrations in {@code db/migration}: one set, written for both H2 and
 * PostgreSQL. Run once at start, before anything else touches the database; safe to run again.
 * <p>Liberty's class loader cannot list a directory inside a jar: the empty {@code db/migration/flyway.location}
 * marker lets Flyway find it there (Flyway's documented WebSphere workaround).
 */
public final class FlywayMigrations {
    private FlywayMigrations() {
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(FlywayMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/migration")
                .cleanDisabled(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
