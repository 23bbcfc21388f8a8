package io.quarterdeck.adapters.persistence.logs;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.contract.LogStoreContract;
import io.quarterdeck.application.port.out.logs.LogStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The built-in log store against the shared contract, on the embedded default (H2). */
class LogStoreH2Test extends LogStoreContract {
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
    protected LogStore store() {
        return new JdbcLogStore(db.dataSource());
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from log_entries", "delete from log_sources");
    }
}
