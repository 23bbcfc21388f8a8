package io.quarterdeck.adapters.persistence.containers;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.application.port.out.contract.ServerRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC server repository against the shared contract, on the embedded default (H2). */
class ServerRepositoryH2Test extends ServerRepositoryContract {
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
    protected ServerRepository repository() {
        return new JdbcServerRepository(db.dataSource());
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from servers");
    }
}
