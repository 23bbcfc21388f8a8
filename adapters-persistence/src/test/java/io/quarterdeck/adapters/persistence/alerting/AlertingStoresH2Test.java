package io.quarterdeck.adapters.persistence.alerting;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The alerting stores on the embedded default (H2). */
class AlertingStoresH2Test extends AlertingStoresContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.h2();
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
