package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.contract.IdentityStoresContract;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JPA identity stores against the shared contract, on a real PostgreSQL 15. */
class IdentityStoresPostgresIT extends IdentityStoresContract {
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
    protected <T> T inTransaction(Function<Stores, T> work) {
        return db.inTransaction(em -> work.apply(new Stores(new JpaUserRepository(em), new JpaRefreshTokenRepository(em),
                new JpaRevocationStore(em), new JpaServiceClientRepository(em), new JpaInvitationRepository(em),
                new JpaAuditLog(em))));
    }

    @Override
    protected void deleteEverything() {
        db.execute("delete from users", "delete from refresh_tokens", "delete from revoked_tokens",
                "delete from service_clients", "delete from invitations", "delete from audit_events");
    }
}
