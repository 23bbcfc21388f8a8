package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.AcceptInvitationCommand;

import io.quarterdeck.application.port.in.identity.IdentitySettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.testing.InMemoryIdentityStores;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.identity.UserTestData;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeamServiceTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryIdentityStores stores = new InMemoryIdentityStores();
    private final InMemoryIdentityStores.QuickHasher hasher = new InMemoryIdentityStores.QuickHasher();
    private final IdentitySettings settings = IdentitySettings.defaults();
    private final TokenRevocationService revocations = new TokenRevocationService(stores.revocations, stores.refreshTokens, clock, settings);
    private final TeamService team = new TeamService(stores.users, stores.invitations, stores.refreshTokens,
            revocations, hasher, clock, settings);

    private Caller member(String name, Role role) {
        User u = UserTestData.aUser().named(name).withFullName(null).withRole(role)
                .withPasswordHash(hasher.hash("pw-" + name)).createdAt(clock.instant()).build();
        stores.users.insert(u);
        return Caller.user(u.id(), u.username(), role, null, null);
    }

    @Test
    void an_invitation_is_accepted_once_into_an_account_with_its_role() {
        Caller admin = member("root", Role.ADMIN);
        var created = team.invite(admin, "New@Company.com", Role.OPERATOR);
        assertTrue(created.token().startsWith("qdi_"));
        assertEquals("newuser@company.com".replace("newuser", "new"), created.invitation().email());
        assertFalse(created.invitation().tokenHash().contains(created.token()));
        assertEquals(1, team.openInvitations().size());

        User joined = team.accept(new AcceptInvitationCommand(created.token(), "newbie", "New Person", "s3cret-pass"));
        assertEquals(Role.OPERATOR, joined.role());
        assertEquals("new@company.com", joined.email());
        assertTrue(hasher.verify("s3cret-pass", joined.passwordHash()));
        assertThrows(ConflictException.class, () -> team.accept(new AcceptInvitationCommand(created.token(), "again", null, "s3cret-pass")));
        assertEquals(0, team.openInvitations().size());
        assertEquals(2, team.members().size());
    }

    @Test
    void invitations_expire_and_unknown_tokens_are_not_found() {
        Caller admin = member("root", Role.ADMIN);
        var created = team.invite(admin, "late@example.com", Role.VIEWER);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThrows(ConflictException.class, () -> team.accept(new AcceptInvitationCommand(created.token(), "late", null, "s3cret-pass")));
        assertThrows(NotFoundException.class, () -> team.accept(new AcceptInvitationCommand("qdi_nope", "x", null, "s3cret-pass")));
        assertThrows(NotFoundException.class, () -> team.accept(new AcceptInvitationCommand("garbage", "x", null, "s3cret-pass")));
    }

    @Test
    void a_bad_password_or_username_leaves_the_invitation_open() {
        Caller admin = member("root", Role.ADMIN);
        var created = team.invite(admin, "x@example.com", Role.VIEWER);
        assertThrows(InvalidFieldException.class, () -> team.accept(new AcceptInvitationCommand(created.token(), "x", null, "short")));
        assertThrows(InvalidFieldException.class, () -> team.accept(new AcceptInvitationCommand(created.token(), "bad name", null, "s3cret-pass")));
        assertEquals(1, team.openInvitations().size());
    }

    @Test
    void admins_manage_roles_below_admin_and_only_owners_manage_admins_and_owners() {
        Caller owner = member("boss", Role.OWNER);
        Caller admin = member("root", Role.ADMIN);
        Caller dev = member("dev", Role.DEVELOPER);
        assertThrows(NotPermittedException.class, () -> team.invite(admin, "a@example.com", Role.ADMIN));
        assertThrows(NotPermittedException.class, () -> team.invite(admin, "o@example.com", Role.OWNER));
        assertThrows(NotPermittedException.class, () -> team.invite(dev, "v@example.com", Role.VIEWER));
        team.invite(owner, "a@example.com", Role.ADMIN);
        assertEquals(Role.OPERATOR, team.changeRole(admin, dev.id(), Role.OPERATOR).role());
        assertThrows(NotPermittedException.class, () -> team.changeRole(admin, dev.id(), Role.ADMIN));
        assertThrows(NotPermittedException.class, () -> team.changeRole(admin, owner.id(), Role.VIEWER));
        assertThrows(NotPermittedException.class, () -> team.changeRole(admin, admin.id(), Role.OWNER));
        assertThrows(ConflictException.class, () -> team.invite(admin, "dev@example.com", Role.VIEWER));
    }

    @Test
    void a_role_change_or_disabling_cuts_off_existing_tokens() {
        Caller owner = member("boss", Role.OWNER);
        Caller dev = member("dev", Role.DEVELOPER);
        Instant issued = clock.instant().minusSeconds(30);
        assertFalse(revocations.isRevoked("j1", dev.id(), issued));
        clock.advance(Duration.ofSeconds(1));
        team.changeRole(owner, dev.id(), Role.VIEWER);
        assertTrue(revocations.isRevoked("j1", dev.id(), issued));
        assertFalse(revocations.isRevoked("j2", dev.id(), clock.instant().plusSeconds(1)));

        Caller op = member("op", Role.OPERATOR);
        team.setDisabled(owner, op.id(), true);
        assertTrue(stores.users.findById(op.id()).orElseThrow().disabled());
        assertTrue(revocations.isRevoked("j3", op.id(), issued));
    }

    @Test
    void owners_manage_owners_and_nobody_changes_themselves() {
        Caller first = member("first", Role.OWNER);
        Caller second = member("second", Role.OWNER);
        assertEquals(Role.ADMIN, team.changeRole(first, second.id(), Role.ADMIN).role());
        Caller demoted = Caller.user(second.id(), "second", Role.ADMIN, null, null);
        assertThrows(NotPermittedException.class, () -> team.setDisabled(demoted, first.id(), true));
        assertThrows(NotPermittedException.class, () -> team.setDisabled(first, first.id(), true));
        assertThrows(NotPermittedException.class, () -> team.changeRole(first, first.id(), Role.VIEWER));
        assertThrows(NotFoundException.class, () -> team.changeRole(first, "nobody", Role.VIEWER));
    }
}
