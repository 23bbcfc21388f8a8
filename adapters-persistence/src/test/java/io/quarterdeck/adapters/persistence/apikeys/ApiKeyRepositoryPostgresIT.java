package io.quarterdeck.adapters.persistence.apikeys;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.application.port.out.contract.ApiKeyRepositoryContract;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JPA API-key repository against the shared contract, on a real PostgreSQL 15. */
class ApiKeyRepositoryPostgresIT extends ApiKeyRepositoryContract {
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
    protected <T> T inTransaction(Function<ApiKeyRepository, T> work) {
        return db.inTransaction(em -> work.apply(new JpaApiKeyRepository(em)));
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from api_keys");
    }
}
