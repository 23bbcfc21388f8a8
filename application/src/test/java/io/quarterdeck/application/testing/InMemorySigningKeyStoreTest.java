package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.contract.SigningKeyStoreContract;
import io.quarterdeck.application.port.out.identity.SigningKeyStore;

/** The in-memory signing key store against the shared contract. */
class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

    @Override
    protected SigningKeyStore store() {
        return store;
    }

    @Override
    protected SigningKeyStore anotherStoreOnTheSameDatabase() {
        return store;
    }

    @Override
    protected void deleteEverything() {
        store.clear();
    }
}
