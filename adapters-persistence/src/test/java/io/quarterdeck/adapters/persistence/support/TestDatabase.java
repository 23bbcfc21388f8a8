package io.quarterdeck.adapters.persistence.support;

import io.quarterdeck.adapters.persistence.apikeys.ApiKeyJpaEntity;
import io.quarterdeck.adapters.persistence.errors.ErrorGroupJpaEntity;
import io.quarterdeck.adapters.persistence.errors.ErrorOccurrenceJpaEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real database for contract tests: the production migrations, then Hibernate over the production entities with
 * resource-local transactions (outside the application server). H2 in memory, or the PostgreSQL 15 that
 * {@code scripts/services.sh} starts; a PostgreSQL that does not answer fails the test, it never skips it.
 */
public final class TestDatabase implements AutoCloseable {
    private final DataSource dataSource;
    private final SessionFactory sessions;

    private TestDatabase(DataSource dataSource, boolean dropFirst) {
        this.dataSource = dataSource;
        if (dropFirst) {
            execute("drop schema if exists public cascade", "create schema public");
        }
        FlywayMigrations.migrate(dataSource);
        Configuration cfg = new Configuration()
                .addAnnotatedClass(ErrorGroupJpaEntity.class)
                .addAnnotatedClass(ErrorOccurrenceJpaEntity.class)
                .addAnnotatedClass(ApiKeyJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.UserJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.ServiceClientJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.RefreshTokenJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.RevokedTokenJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.InvitationJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.AuditEventJpaEntity.class);
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        cfg.getProperties().put(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.getProperties().put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        cfg.getProperties().put(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
        this.sessions = cfg.buildSessionFactory();
    }

    /** A fresh, private H2 database in memory. */
    public static TestDatabase h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        ds.setUser("sa");
        return new TestDatabase(ds, false);
    }

    /** The PostgreSQL test database named by the {@code quarterdeck.test.pg.*} system properties, emptied. */
    public static TestDatabase postgres() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getProperty("quarterdeck.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/quarterdeck_test"));
        ds.setUser(System.getProperty("quarterdeck.test.pg.user", "quarterdeck"));
        ds.setPassword(System.getProperty("quarterdeck.test.pg.password", "quarterdeck"));
        try (Connection c = ds.getConnection()) {
            if (!c.getMetaData().getDatabaseProductVersion().startsWith("15")) {
                throw new IllegalStateException("expected PostgreSQL 15, found "
                        + c.getMetaData().getDatabaseProductVersion());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + ds.getURL()
                    + ": start it with scripts/services.sh (bin/quarterdeck test does)", e);
        }
        return new TestDatabase(ds, true);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = sessions.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Plain SQL, each statement committed. */
    public void execute(String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query answering one number (a count), outside any transaction of the test. */
    public long number(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sessions.close();
    }
}
