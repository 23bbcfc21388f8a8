package io.quarterdeck.application.port.out.contract;

import io.quarterdeck.domain.identity.AuditPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.identity.AuditLog;
import io.quarterdeck.application.port.out.identity.InvitationRepository;
import io.quarterdeck.application.port.out.identity.RefreshTokenRepository;
import io.quarterdeck.application.port.out.identity.RevocationStore;
import io.quarterdeck.application.port.out.identity.ServiceClientRepository;
import io.quarterdeck.application.port.out.identity.UserRepository;
import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.AuditRecord;
import io.quarterdeck.domain.identity.Invitation;
import io.quarterdeck.domain.identity.RefreshToken;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.identity.ServiceClient;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.identity.UserTestData;
import io.quarterdeck.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the identity out-ports must do (in memory, and JPA on H2 and PostgreSQL). */
public abstract class IdentityStoresContract {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    /** The identity out-ports of one transaction. */
    public record Stores(UserRepository users, RefreshTokenRepository refreshTokens, RevocationStore revocations,
                         ServiceClientRepository clients, InvitationRepository invitations, AuditLog audit) {
    }

    protected abstract <T> T inTransaction(Function<Stores, T> work);

    protected abstract void deleteEverything();

    private boolean holds(Function<Stores, Boolean> check) {
        return inTransaction(check);
    }

    @BeforeEach
    void empty() {
        deleteEverything();
    }

    private void run(java.util.function.Consumer<Stores> work) {
        inTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    private static User user(String id, String name, String email) {
        return UserTestData.aUser().named(name).withId(id).withEmail(email).withFullName("Full " + name)
                .withRole(Role.DEVELOPER).withPasswordHash("$argon2id$hash").createdAt(T0).build();
    }

    @Test
    void a_user_reads_back_by_id_name_and_email_and_updates_in_place() {
        User u = user("u1", "ada", "ada@example.com");
        run(s -> s.users().insert(u));
        assertEquals(u, inTransaction(s -> s.users().findById("u1")).orElseThrow());
        assertEquals(u, inTransaction(s -> s.users().findByUsername("ada")).orElseThrow());
        assertEquals(u, inTransaction(s -> s.users().findByEmail("ADA@example.com")).orElseThrow());
        User changed = u.withRole(Role.ADMIN).withDisabled(true).activeAt(T0.plusSeconds(9))
                .withPassword("$argon2id$new", T0.plusSeconds(10));
        run(s -> s.users().update(changed));
        assertEquals(changed, inTransaction(s -> s.users().findById("u1")).orElseThrow());
        assertEquals(1L, (long) inTransaction(s -> s.users().count()));
        assertEquals(List.of("u1"), inTransaction(s -> s.users().list().stream().map(User::id).toList()));
    }

    @Test
    void usernames_and_emails_are_unique() {
        run(s -> s.users().insert(user("u1", "ada", "ada@example.com")));
        assertThrows(ConflictException.class, () -> run(s -> s.users().insert(user("u2", "ada", null))));
        assertThrows(ConflictException.class, () -> run(s -> s.users().insert(user("u3", "bob", "ada@example.com"))));
        run(s -> s.users().insert(user("u4", "bob", null)));
        run(s -> s.users().insert(user("u5", "cy", null)));
        assertEquals(3L, (long) inTransaction(s -> s.users().count()));
    }

    @Test
    void a_refresh_token_is_spent_once_and_families_and_subjects_are_revoked_together() {
        RefreshToken a = new RefreshToken("t1", "f1", "u1", HASH_A, T0, T0.plusSeconds(3600), null, null);
        RefreshToken b = new RefreshToken("t2", "f1", "u1", HASH_B, T0, T0.plusSeconds(3600), null, null);
        RefreshToken c = new RefreshToken("t3", "f2", "u2", "c".repeat(64), T0, T0.plusSeconds(10), null, null);
        run(s -> {
            s.refreshTokens().insert(a);
            s.refreshTokens().insert(b);
            s.refreshTokens().insert(c);
        });
        assertEquals(a, inTransaction(s -> s.refreshTokens().findByHash(HASH_A)).orElseThrow());
        assertTrue(holds(s -> s.refreshTokens().markUsed("t1", T0.plusSeconds(1))));
        assertFalse(holds(s -> s.refreshTokens().markUsed("t1", T0.plusSeconds(2))));
        assertEquals(T0.plusSeconds(1), inTransaction(s -> s.refreshTokens().findByHash(HASH_A)).orElseThrow().usedAt());
        assertEquals(2, (int) inTransaction(s -> s.refreshTokens().revokeFamily("f1", T0.plusSeconds(3))));
        assertEquals(0, (int) inTransaction(s -> s.refreshTokens().revokeFamily("f1", T0.plusSeconds(4))));
        assertFalse(holds(s -> s.refreshTokens().markUsed("t2", T0.plusSeconds(5))));
        assertEquals(1, (int) inTransaction(s -> s.refreshTokens().revokeSubject("u2", T0.plusSeconds(5))));
        assertEquals(1L, (long) inTransaction(s -> s.refreshTokens().deleteExpiredBefore(T0.plusSeconds(11))));
        assertTrue(inTransaction(s -> s.refreshTokens().findByHash("c".repeat(64))).isEmpty());
    }

    @Test
    void revocations_persist_until_their_tokens_would_have_expired() {
        run(s -> {
            s.revocations().revokeToken("jti-1", T0.plusSeconds(60));
            s.revocations().revokeToken("jti-2", T0.plusSeconds(5));
            s.revocations().cutOffSubject("u1", T0, T0.plusSeconds(60));
        });
        run(s -> s.revocations().cutOffSubject("u1", T0.plusSeconds(30), T0.plusSeconds(90)));
        assertEquals(Map.of("jti-1", T0.plusSeconds(60), "jti-2", T0.plusSeconds(5)),
                inTransaction(s -> s.revocations().revokedTokens(T0)));
        assertEquals(Map.of("u1", T0.plusSeconds(30)), inTransaction(s -> s.revocations().subjectCutOffs(T0)));
        assertEquals(1L, (long) inTransaction(s -> s.revocations().deleteExpired(T0.plusSeconds(10))));
        assertEquals(Set.of("jti-1"), inTransaction(s -> s.revocations().revokedTokens(T0.plusSeconds(10))).keySet());
        assertEquals(2L, (long) inTransaction(s -> s.revocations().deleteExpired(T0.plusSeconds(100))));
    }

    @Test
    void service_clients_keep_their_scopes_and_rotation_state() {
        ServiceClient c = new ServiceClient("svc_1", "copilot", Set.of(Scope.READ, Scope.OPERATE), "$h1", null, null,
                T0, null);
        run(s -> s.clients().insert(c));
        assertEquals(c, inTransaction(s -> s.clients().findById("svc_1")).orElseThrow());
        ServiceClient rotated = c.rotated("$h2", T0.plusSeconds(86_400));
        run(s -> s.clients().update(rotated));
        assertEquals(rotated, inTransaction(s -> s.clients().findById("svc_1")).orElseThrow());
        assertEquals(1, inTransaction(s -> s.clients().list()).size());
    }

    @Test
    void an_invitation_is_accepted_once() {
        Invitation i = new Invitation("i1", "new@example.com", Role.OPERATOR, HASH_A, "root", T0, T0.plusSeconds(60),
                null);
        run(s -> s.invitations().insert(i));
        assertEquals(i, inTransaction(s -> s.invitations().findByTokenHash(HASH_A)).orElseThrow());
        assertEquals(1, inTransaction(s -> s.invitations().listOpen(T0)).size());
        assertEquals(0, inTransaction(s -> s.invitations().listOpen(T0.plusSeconds(61))).size());
        assertTrue(holds(s -> s.invitations().markAccepted("i1", T0.plusSeconds(1))));
        assertFalse(holds(s -> s.invitations().markAccepted("i1", T0.plusSeconds(2))));
        assertEquals(0, inTransaction(s -> s.invitations().listOpen(T0)).size());
    }

    @Test
    void the_audit_log_pages_newest_first_and_filters_by_actor_action_and_time() {
        run(s -> {
            for (int n = 0; n < 5; n++) {
                s.audit().append(new AuditRecord(0, T0.plusSeconds(n), n % 2 == 0 ? "ada" : "bob", "admin", "10.0.0.1",
                        "req-" + n, "POST", "/api/v1/x", n < 3 ? "auth.login" : "api_key.create", "summary " + n,
                        n == 4 ? 401 : 200));
            }
        });
        AuditPage all = inTransaction(s -> s.audit().query(new AuditQuery(null, null, null, null, 1, 2)));
        assertEquals(5, all.total());
        assertEquals(List.of("req-4", "req-3"), all.items().stream().map(AuditRecord::requestId).toList());
        assertEquals(401, all.items().get(0).outcome());
        AuditPage page3 = inTransaction(s -> s.audit().query(new AuditQuery(null, null, null, null, 3, 2)));
        assertEquals(List.of("req-0"), page3.items().stream().map(AuditRecord::requestId).toList());
        assertEquals(3, inTransaction(s -> s.audit().query(new AuditQuery("ada", null, null, null, 1, 10))).total());
        assertEquals(3, inTransaction(s -> s.audit().query(new AuditQuery(null, "auth.", null, null, 1, 10))).total());
        assertEquals(0, inTransaction(s -> s.audit().query(new AuditQuery(null, "auth%", null, null, 1, 10))).total());
        assertEquals(2, inTransaction(s -> s.audit().query(
                new AuditQuery(null, null, T0.plusSeconds(1), T0.plusSeconds(2), 1, 10))).total());
    }
}
