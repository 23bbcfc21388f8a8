package io.quarterdeck.adapters.persistence.logs;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.contract.LogStoreContract;
import io.quarterdeck.application.port.out.logs.LogStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The built-in log store against the shared contract, on a real PostgreSQL 15. */
class LogStorePostgresIT extends LogStoreContract {
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
    protected LogStore store() {
        return new JdbcLogStore(db.dataSource());
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from log_entries", "delete from log_sources");
    }
}
