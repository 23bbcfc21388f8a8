package io.quarterdeck.adapters.persistence.containers;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.containers.ServerRepository;
import io.quarterdeck.application.port.out.contract.ServerRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC server repository against the shared contract, on a real PostgreSQL 15. */
class ServerRepositoryPostgresIT extends ServerRepositoryContract {
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
    protected ServerRepository repository() {
        return new JdbcServerRepository(db.dataSource());
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from servers");
    }
}
