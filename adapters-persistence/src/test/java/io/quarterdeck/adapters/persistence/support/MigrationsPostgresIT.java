package io.quarterdeck.adapters.persistence.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class MigrationsPostgresIT extends MigrationsContract {
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
    TestDatabase database() {
        return db;
    }
}
