package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.IdentitySettings;

import io.quarterdeck.domain.identity.AccessTokenClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.identity.PasswordChange;
import io.quarterdeck.application.port.in.identity.ProfileChange;
import io.quarterdeck.application.port.in.identity.RegisterCommand;
import io.quarterdeck.application.port.in.identity.TokenPair;
import io.quarterdeck.application.port.out.identity.AccessTokenIssuer;
import io.quarterdeck.application.testing.InMemoryIdentityStores;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.identity.UserTestData;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityServiceTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryIdentityStores stores = new InMemoryIdentityStores();
    private final InMemoryIdentityStores.QuickHasher hasher = new InMemoryIdentityStores.QuickHasher();
    private final List<String> delivered = new ArrayList<>();
    private IdentitySettings settings = IdentitySettings.defaults();
    private TokenRevocationService revocations = new TokenRevocationService(stores.revocations, stores.refreshTokens, clock, settings);
    private SignInService service = service();
    private AccountService accounts = accounts();

    private SignInService service() {
        return new SignInService(stores.users, stores.refreshTokens, stores.clients, hasher, stores.issuer,
                revocations, clock, settings);
    }

    private AccountService accounts() {
        return new AccountService(stores.users, stores.refreshTokens, hasher, revocations, (name, secret) -> {
            delivered.add(name + "=" + secret);
            return "/data/" + name;
        }, clock, settings);
    }

    private User person(String username, Role role, String password) {
        User u = UserTestData.aUser().named(username).withFullName(null).withRole(role)
                .withPasswordHash(hasher.hash(password)).createdAt(clock.instant()).build();
        stores.users.insert(u);
        return u;
    }

    private static Caller callerOf(User u, AccessTokenClaims claims) {
        return Caller.user(u.id(), u.username(), u.role(), claims.jti(), claims.expiresAt());
    }

    @Test
    void first_start_creates_one_owner_and_delivers_the_generated_password_once() {
        assertEquals(Optional.of("/data/bootstrap-owner-password"), accounts.bootstrapOwner("owner", Optional.empty()));
        assertEquals(Optional.empty(), accounts.bootstrapOwner("owner", Optional.empty()));
        assertEquals(1, delivered.size());
        String password = delivered.get(0).substring("bootstrap-owner-password=".length());
        TokenPair pair = service.signIn("owner", password);
        assertEquals(Role.OWNER, pair.role());
    }

    @Test
    void a_preset_owner_password_is_used_as_given_and_must_meet_the_policy() {
        assertThrows(InvalidFieldException.class, () -> accounts.bootstrapOwner("owner", Optional.of("short")));
        assertEquals(0, stores.users.count());
        assertEquals(Optional.of("preset by configuration"),
                accounts.bootstrapOwner("root", Optional.of("correct horse battery")));
        assertEquals(Role.OWNER, service.signIn("root", "correct horse battery").role());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void sign_in_issues_an_access_token_with_the_role_and_a_one_time_refresh_token() {
        User ada = person("ada", Role.OPERATOR, "s3cret-pass");
        TokenPair pair = service.signIn("ADA", "s3cret-pass");
        AccessTokenClaims claims = stores.issuer.last();
        assertEquals(ada.id(), claims.subject());
        assertEquals("ada", claims.upn());
        assertEquals(Role.OPERATOR, claims.role());
        assertEquals("user", claims.type());
        assertEquals(Duration.ofMinutes(15), Duration.between(claims.issuedAt(), claims.expiresAt()));
        assertEquals(900, pair.expiresInSeconds());
        assertTrue(pair.refreshToken().startsWith("qdr_"));
        assertEquals(clock.instant(), stores.users.findById(ada.id()).orElseThrow().lastActive());
        assertEquals(Duration.ofDays(7), Duration.between(stores.refreshTokens.all().get(0).issuedAt(),
                stores.refreshTokens.all().get(0).expiresAt()));
        assertFalse(stores.refreshTokens.all().get(0).tokenHash().contains(pair.refreshToken()));
    }

    @Test
    void sign_in_by_email_works_too() {
        person("ada", Role.VIEWER, "s3cret-pass");
        assertEquals(Role.VIEWER, service.signIn("Ada@Example.com", "s3cret-pass").role());
    }

    @Test
    void wrong_password_unknown_user_and_disabled_account_all_fail_alike() {
        User ada = person("ada", Role.VIEWER, "s3cret-pass");
        stores.users.update(ada.withDisabled(true));
        person("bob", Role.VIEWER, "s3cret-pass");
        AuthenticationFailedException wrong = assertThrows(AuthenticationFailedException.class,
                () -> service.signIn("bob", "wrong-pass"));
        AuthenticationFailedException unknown = assertThrows(AuthenticationFailedException.class,
                () -> service.signIn("nobody", "s3cret-pass"));
        AuthenticationFailedException disabled = assertThrows(AuthenticationFailedException.class,
                () -> service.signIn("ada", "s3cret-pass"));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.getMessage(), disabled.getMessage());
        assertThrows(AuthenticationFailedException.class, () -> service.signIn("bad name!", "x"));
        assertThrows(AuthenticationFailedException.class, () -> service.signIn("bob", null));
        assertTrue(stores.issuer.issued.isEmpty());
    }

    @Test
    void a_refresh_token_works_once_and_its_reuse_revokes_the_whole_family() {
        person("ada", Role.DEVELOPER, "s3cret-pass");
        TokenPair first = service.signIn("ada", "s3cret-pass");
        TokenPair second = service.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(Role.DEVELOPER, second.role());

        AuthenticationFailedException reuse = assertThrows(AuthenticationFailedException.class,
                () -> service.refresh(first.refreshToken()));
        assertTrue(reuse.reason().startsWith("refresh token reuse"), reuse.reason());
        // The thief's or the owner's next token from the same family is dead too.
        assertThrows(AuthenticationFailedException.class, () -> service.refresh(second.refreshToken()));
        assertTrue(stores.refreshTokens.all().stream().allMatch(t -> t.revokedAt() != null));
    }

    @Test
    void another_login_family_survives_a_reuse_in_a_different_family() {
        person("ada", Role.DEVELOPER, "s3cret-pass");
        TokenPair laptop = service.signIn("ada", "s3cret-pass");
        TokenPair phone = service.signIn("ada", "s3cret-pass");
        service.refresh(laptop.refreshToken());
        assertThrows(AuthenticationFailedException.class, () -> service.refresh(laptop.refreshToken()));
        assertEquals(Role.DEVELOPER, service.refresh(phone.refreshToken()).role());
    }

    @Test
    void expired_malformed_and_unknown_refresh_tokens_are_refused() {
        person("ada", Role.VIEWER, "s3cret-pass");
        TokenPair pair = service.signIn("ada", "s3cret-pass");
        assertThrows(AuthenticationFailedException.class, () -> service.refresh("qdr_unknown"));
        assertThrows(AuthenticationFailedException.class, () -> service.refresh("not-a-token"));
        assertThrows(AuthenticationFailedException.class, () -> service.refresh(null));
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThrows(AuthenticationFailedException.class, () -> service.refresh(pair.refreshToken()));
    }

    @Test
    void expired_refresh_tokens_are_purged_a_day_after_expiry_and_live_ones_stay() {
        person("ada", Role.VIEWER, "s3cret-pass");
        service.signIn("ada", "s3cret-pass");
        clock.advance(Duration.ofDays(7).plusHours(23));
        TokenPair fresh = service.signIn("ada", "s3cret-pass");
        assertEquals(0L, revocations.purgeExpired(), "expired less than a day ago: kept");
        clock.advance(Duration.ofHours(2));
        assertEquals(1L, revocations.purgeExpired());
        assertEquals(1, stores.refreshTokens.all().size());
        assertEquals(Role.VIEWER, service.refresh(fresh.refreshToken()).role());
    }

    @Test
    void a_disabled_account_cannot_refresh() {
        User ada = person("ada", Role.VIEWER, "s3cret-pass");
        TokenPair pair = service.signIn("ada", "s3cret-pass");
        stores.users.update(ada.withDisabled(true));
        assertThrows(AuthenticationFailedException.class, () -> service.refresh(pair.refreshToken()));
    }

    @Test
    void client_credentials_give_a_service_token_and_a_rotated_secret_overlaps_then_expires() {
        ServiceClientService clients = new ServiceClientService(stores.clients, hasher, clock, settings);
        var created = clients.create("copilot", Set.of(Scope.READ));
        TokenPair pair = service.signInService(created.client().clientId(), created.secret());
        assertNull(pair.refreshToken());
        assertEquals(Role.SERVICE, stores.issuer.last().role());
        assertEquals("service", stores.issuer.last().type());
        assertEquals(Set.of(Scope.READ), stores.issuer.last().scopes());

        var rotated = clients.rotateSecret(created.client().clientId());
        service.signInService(created.client().clientId(), created.secret());
        service.signInService(created.client().clientId(), rotated.secret());
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThrows(AuthenticationFailedException.class,
                () -> service.signInService(created.client().clientId(), created.secret()));
        service.signInService(created.client().clientId(), rotated.secret());

        clients.disable(created.client().clientId());
        assertThrows(AuthenticationFailedException.class,
                () -> service.signInService(created.client().clientId(), rotated.secret()));
        assertThrows(AuthenticationFailedException.class, () -> service.signInService("svc_nope", "x"));
    }

    @Test
    void changing_the_password_revokes_refresh_tokens_and_earlier_access_tokens() {
        User ada = person("ada", Role.VIEWER, "s3cret-pass");
        TokenPair pair = service.signIn("ada", "s3cret-pass");
        AccessTokenClaims before = stores.issuer.last();
        Caller caller = callerOf(ada, before);

        assertThrows(InvalidFieldException.class, () -> accounts.changePassword(caller, new PasswordChange("wrong", "new-s3cret")));
        assertThrows(InvalidFieldException.class, () -> accounts.changePassword(caller, new PasswordChange("s3cret-pass", "short")));
        assertFalse(revocations.isRevoked(before.jti(), ada.id(), before.issuedAt()));

        clock.advance(Duration.ofSeconds(5));
        accounts.changePassword(caller, new PasswordChange("s3cret-pass", "new-s3cret-pass"));
        assertTrue(revocations.isRevoked(before.jti(), ada.id(), before.issuedAt()));
        assertTrue(revocations.isRevoked("another-old-token", ada.id(), before.issuedAt()));
        assertThrows(AuthenticationFailedException.class, () -> service.refresh(pair.refreshToken()));
        assertThrows(AuthenticationFailedException.class, () -> service.signIn("ada", "s3cret-pass"));

        clock.advance(Duration.ofSeconds(1));
        service.signIn("ada", "new-s3cret-pass");
        AccessTokenClaims after = stores.issuer.last();
        assertFalse(revocations.isRevoked(after.jti(), ada.id(), after.issuedAt()));
    }

    @Test
    void sign_out_revokes_the_access_token_and_the_refresh_family() {
        User ada = person("ada", Role.VIEWER, "s3cret-pass");
        TokenPair pair = service.signIn("ada", "s3cret-pass");
        AccessTokenClaims claims = stores.issuer.last();
        service.signOut(callerOf(ada, claims), pair.refreshToken());
        assertTrue(revocations.isRevoked(claims.jti(), ada.id(), claims.issuedAt()));
        assertThrows(AuthenticationFailedException.class, () -> service.refresh(pair.refreshToken()));

        // Persistent: a second instance (or a restart) sees it after loading the list.
        TokenRevocationService elsewhere = new TokenRevocationService(stores.revocations, stores.refreshTokens, clock, settings);
        assertTrue(elsewhere.isRevoked(claims.jti(), ada.id(), claims.issuedAt()));
        clock.advance(Duration.ofMinutes(16));
        elsewhere.reload();
        assertEquals(0, stores.revocations.size());
    }

    @Test
    void registration_is_closed_by_default_and_opens_to_viewers_only() {
        NotPermittedException closed = assertThrows(NotPermittedException.class,
                () -> accounts.register(new RegisterCommand("eve", "eve@example.com", "Eve", "s3cret-pass")));
        assertTrue(closed.getMessage().contains("disabled"));
        assertEquals(0, stores.users.count());

        settings = new IdentitySettings(Duration.ofMinutes(15), Duration.ofDays(7), true, Duration.ofHours(24),
                Duration.ofDays(7));
        accounts = accounts();
        User eve = accounts.register(new RegisterCommand("eve", "eve@example.com", "Eve", "s3cret-pass"));
        assertEquals(Role.VIEWER, eve.role());
        assertThrows(io.quarterdeck.domain.shared.ConflictException.class,
                () -> accounts.register(new RegisterCommand("EVE", "other@example.com", null, "s3cret-pass")));
        assertThrows(InvalidFieldException.class, () -> accounts.register(new RegisterCommand("x y", null, null, "s3cret-pass")));
    }

    @Test
    void the_profile_belongs_to_people_and_can_be_updated() {
        User ada = person("ada", Role.VIEWER, "s3cret-pass");
        service.signIn("ada", "s3cret-pass");
        Caller caller = callerOf(ada, stores.issuer.last());
        User updated = accounts.updateProfile(caller, new ProfileChange("ADA@new.example", "Ada Lovelace"));
        assertEquals("ada@new.example", updated.email());
        assertEquals("Ada Lovelace", accounts.me(caller).fullName());
        assertThrows(InvalidFieldException.class, () -> accounts.updateProfile(caller, new ProfileChange("not-an-email", null)));
        Caller machine = Caller.service("svc_1", "copilot", Set.of(Scope.READ), "j", clock.instant());
        assertThrows(NotPermittedException.class, () -> accounts.me(machine));
    }
}
