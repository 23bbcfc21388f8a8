package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The alerting stores on the a real PostgreSQL 15. */
class AlertingStoresPostgresIT extends AlertingStoresContract {
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
