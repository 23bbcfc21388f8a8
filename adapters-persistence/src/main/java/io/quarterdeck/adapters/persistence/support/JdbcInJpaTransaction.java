package io.quarterdeck.adapters.persistence.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the caller's JPA transaction, for tables that JPA does not map (the error groups
 * and occurrences today, the log store next): the work commits or rolls back with everything else the transaction
 * did. Pending JPA changes are flushed first, so the work sees them. Outside a transaction (reads under
 * {@code @Transactional(SUPPORTS)}) the work runs on a connection of its own from the data source, in auto-commit,
 * as a transaction-scoped entity manager's own statements would. A {@link SQLException} comes back unchecked with
 * the SQL state in its cause chain ({@link LockConflict}, {@link UniqueViolation} find it there).
 */
public final class JdbcInJpaTransaction {
    private JdbcInJpaTransaction() {
    }

    /** What runs on the connection; it must not commit, roll back or close it. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs the work on the transaction's connection, or on one of its own when there is no transaction. */
    public static <T> T call(EntityManager em, DataSource outsideTransactions, Work<T> work) {
        if (em.isJoinedToTransaction()) {
            Session session = em.unwrap(Session.class);
            session.flush();
            return session.doReturningWork(work::on);
        }
        try (Connection c = outsideTransactions.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new PersistenceException("JDBC work outside a transaction failed: " + e.getMessage(), e);
        }
    }
}
