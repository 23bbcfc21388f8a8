package io.quarterdeck.adapters.persistence.support;

import io.quarterdeck.adapters.persistence.apikeys.ApiKeyJpaEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * <p>
 * Like the container, it offers one {@link #entityManager() entity manager} for the adapters' constructors that
 * stands for the entity manager of whichever transaction the calling thread runs in {@link #inTransaction}.
 */
public final class TestDatabase implements AutoCloseable {
    /** The PostgreSQL database the tests empty and use; two checkouts testing at once give each its own. */
    public static final String DATABASE_VARIABLE = "QUARTERDECK_TEST_DB";
    static final String DEFAULT_DATABASE = "quarterdeck_test";

    private final DataSource dataSource;
    private final SessionFactory sessions;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final EntityManager entityManager = (EntityManager) Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                EntityManager em = current.get();
                if (em == null && method.getName().equals("isJoinedToTransaction")) {
                    return false;
                }
                if (em == null) {
                    throw new IllegalStateException("no transaction on this thread: call inside inTransaction");
                }
                try {
                    return method.invoke(em, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    private TestDatabase(DataSource dataSource, boolean dropFirst) {
        this.dataSource = dataSource;
        if (dropFirst) {
            execute("drop schema if exists public cascade", "create schema public");
        }
        FlywayMigrations.migrate(dataSource);
        Configuration cfg = new Configuration()
                .addAnnotatedClass(ApiKeyJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.UserJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.identity.ServiceClientJpaEntity.class)
                .addAnnotatedClass(io.quarterdeck.adapters.persistence.system.RuntimeSettingJpaEntity.class)
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

    /**
     * The PostgreSQL test database, emptied: the database named by {@value #DATABASE_VARIABLE} (a system property
     * or an environment variable; {@value #DEFAULT_DATABASE} when neither is set) on the server and with the
     * credentials of the {@code quarterdeck.test.pg.*} system properties. {@code quarterdeck.test.pg.url}, when set,
     * names the whole JDBC URL instead.
     */
    public static TestDatabase postgres() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgresUrl(System.getProperty("quarterdeck.test.pg.url"),
                System.getProperty("quarterdeck.test.pg.server", "127.0.0.1:5432"),
                System.getProperty(DATABASE_VARIABLE, System.getenv(DATABASE_VARIABLE))));
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

    /** The JDBC URL: {@code url} when given, else the named (or default) database on {@code server}. */
    static String postgresUrl(String url, String server, String database) {
        if (url != null && !url.isBlank()) {
            return url;
        }
        String name = database == null || database.isBlank() ? DEFAULT_DATABASE : database.trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(DATABASE_VARIABLE + " is not a plain database name: " + name);
        }
        return "jdbc:postgresql://" + server + "/" + name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The entity manager of the transaction the calling thread is in (see {@link #inTransaction}); hand it to the
     * adapters' constructors once, as the container does.
     */
    public EntityManager entityManager() {
        return entityManager;
    }

    /** Runs the work in one transaction, whose entity manager {@link #entityManager()} stands for meanwhile. */
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(em -> work.get());
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        if (current.get() != null) {
            throw new IllegalStateException("a transaction is already running on this thread");
        }
        EntityManager em = sessions.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
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
            current.remove();
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
