package io.quarterdeck.adapters.persistence.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which of the two supported databases a store's connections lead to. A store holds one instance and asks it on each
 * write; the connection's metadata is read the first time only (a store is bound to one data source for its life).
 */
public final class DatabaseProduct {
    private volatile Boolean postgres;

    /** Whether this connection is to PostgreSQL (else H2), read from its metadata. */
    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** {@link #isPostgres(Connection)}, remembered after the first call. */
    public boolean postgres(Connection c) throws SQLException {
        Boolean pg = postgres;
        if (pg == null) {
            pg = isPostgres(c);
            postgres = pg;
        }
        return pg;
    }
}
