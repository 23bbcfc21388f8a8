package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.application.port.out.contract.ApiKeyRepositoryContract;
import io.quarterdeck.application.port.out.contract.ErrorRepositoryContract;
import java.util.function.BiFunction;
import java.util.function.Function;
import io.quarterdeck.application.port.out.contract.IdentityStoresContract;
import org.junit.jupiter.api.Nested;

/** The in-memory adapters keep the same contracts as the real ones, so service tests built on them mean something. */
class InMemoryRepositoriesTest {

    @Nested
    class Errors extends ErrorRepositoryContract {
        private InMemoryErrorStore store = new InMemoryErrorStore();

        @Override
        protected <T> T inTransaction(BiFunction<ErrorGroupRepository, ErrorOccurrenceRepository, T> work) {
            // One lock for the whole transaction: serializable, like the row locks the real store takes.
            // A failed transaction restores the snapshot taken before it.
            synchronized (this) {
                InMemoryErrorStore before = store.snapshot();
                try {
                    return work.apply(store.groups(), store.occurrences());
                } catch (RuntimeException e) {
                    store = before;
                    throw e;
                }
            }
        }

        @Override
        protected void deleteEverything() {
            store = new InMemoryErrorStore();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyRepositoryContract {
        private final InMemoryApiKeyRepository repository = new InMemoryApiKeyRepository();

        @Override
        protected <T> T inTransaction(Function<ApiKeyRepository, T> work) {
            return work.apply(repository);
        }

        @Override
        protected void deleteEverything() {
            repository.clear();
        }
    }

    @Nested
    class Identity extends IdentityStoresContract {
        private InMemoryIdentityStores stores = new InMemoryIdentityStores();

        @Override
        protected <T> T inTransaction(Function<Stores, T> work) {
            return work.apply(new Stores(stores.users, stores.refreshTokens, stores.revocations, stores.clients,
                    stores.invitations, stores.audit));
        }

        @Override
        protected void deleteEverything() {
            stores = new InMemoryIdentityStores();
        }
    }

    @Nested
    class Servers extends io.quarterdeck.application.port.out.contract.ServerRepositoryContract {
        private final InMemoryServerRepository repository = new InMemoryServerRepository();

        @Override
        protected io.quarterdeck.application.port.out.containers.ServerRepository repository() {
            return repository;
        }

        @Override
        protected void deleteEverything() {
            repository.clear();
        }
    }
}
