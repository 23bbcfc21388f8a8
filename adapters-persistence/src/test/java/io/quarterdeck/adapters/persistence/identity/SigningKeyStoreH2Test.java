package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.contract.SigningKeyStoreContract;
import io.quarterdeck.application.port.out.identity.SigningKeyStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC signing key store against the shared contract, on the embedded default (H2). */
class SigningKeyStoreH2Test extends SigningKeyStoreContract {
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
    protected SigningKeyStore store() {
        return new JdbcSigningKeyStore(db.dataSource());
    }

    @Override
    protected SigningKeyStore anotherStoreOnTheSameDatabase() {
        return new JdbcSigningKeyStore(db.dataSource());
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from signing_keys");
    }
}
