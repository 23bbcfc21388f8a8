package io.quarterdeck.adapters.persistence.support;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the caller's JPA transaction, for tables that JPA does not map (the error groups
 * and occurrences today, the log store next): the work commits or rolls back with everything else the transaction
 * did. Pending JPA changes are flushed first, so the work sees them. A {@link SQLException} comes back as Hibernate's
 * unchecked {@code JDBCException} with the SQL state in its cause chain ({@link LockConflict}, {@link
 * UniqueViolation} find it there).
 */
public final class JdbcInJpaTransaction {
    private JdbcInJpaTransaction() {
    }

    /** What runs on the connection; it must not commit, roll back or close it. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs the work on the transaction's connection and returns its result. */
    public static <T> T call(EntityManager em, Work<T> work) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(work::on);
    }
}
