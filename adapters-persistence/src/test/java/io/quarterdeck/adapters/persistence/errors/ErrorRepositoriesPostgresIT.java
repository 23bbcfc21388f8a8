package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.ErrorGroupRepository;
import io.quarterdeck.application.port.out.ErrorOccurrenceRepository;
import io.quarterdeck.application.port.out.contract.ErrorRepositoryContract;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JPA error repositories against the shared contract, on a real PostgreSQL 15. */
class ErrorRepositoriesPostgresIT extends ErrorRepositoryContract {
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
    protected <T> T inTransaction(BiFunction<ErrorGroupRepository, ErrorOccurrenceRepository, T> work) {
        return db.inTransaction(em -> work.apply(new JpaErrorGroupRepository(em), new JpaErrorOccurrenceRepository(em)));
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from error_occurrences", "delete from error_groups");
    }
}
