package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC error repositories against the shared contract, on a real PostgreSQL 15. */
class ErrorRepositoriesPostgresIT extends CachedErrorRepositoryContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.postgres();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected TestDatabase db() {
        return db;
    }

    @Override
    protected String lockWaitersQuery() {
        return "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database()";
    }
}
