package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC error repositories against the shared contract, on the embedded default (H2). */
class ErrorRepositoriesH2Test extends CachedErrorRepositoryContract {
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

    @Override
    protected String lockWaitersQuery() {
        return "select count(*) from information_schema.sessions where blocker_id is not null";
    }
}
