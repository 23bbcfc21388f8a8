package io.quarterdeck.adapters.persistence.apps;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The apps stores on a real PostgreSQL 15. */
class AppStoresPostgresIT extends AppStoresContract {
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
}
