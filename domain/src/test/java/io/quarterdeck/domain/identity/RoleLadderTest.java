package io.quarterdeck.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleLadderTest {
    @Test
    void each_role_includes_the_ones_below_it_and_service_includes_nothing() {
        Role[] ladder = {Role.VIEWER, Role.DEVELOPER, Role.OPERATOR, Role.ADMIN, Role.OWNER};
        for (int i = 0; i < ladder.length; i++) {
            for (int j = 0; j < ladder.length; j++) {
                assertEquals(i >= j, ladder[i].includes(ladder[j]), ladder[i] + " includes " + ladder[j]);
            }
            assertFalse(Role.SERVICE.includes(ladder[i]));
            assertFalse(ladder[i].includes(Role.SERVICE));
        }
    }

    @Test
    void admins_grant_below_admin_and_owners_grant_everything_on_the_ladder() {
        assertTrue(Role.ADMIN.mayGrant(Role.OPERATOR));
        assertFalse(Role.ADMIN.mayGrant(Role.ADMIN));
        assertFalse(Role.ADMIN.mayGrant(Role.OWNER));
        assertTrue(Role.OWNER.mayGrant(Role.OWNER));
        assertFalse(Role.OWNER.mayGrant(Role.SERVICE));
        assertFalse(Role.OPERATOR.mayGrant(Role.VIEWER));
    }

    @Test
    void roles_parse_from_the_seeds_names_only() {
        assertEquals(Role.OPERATOR, Role.parse("role", " Operator "));
        assertThrows(InvalidFieldException.class, () -> Role.parse("role", "superuser"));
        assertThrows(InvalidFieldException.class, () -> Role.parse("role", null));
        assertThrows(InvalidFieldException.class, () -> Role.parsePersonRole("role", "service"));
    }

    @Test
    void people_are_allowed_by_role_and_machines_by_scope() {
        Caller dev = Caller.user("u1", "dev", Role.DEVELOPER, "j", Instant.EPOCH);
        assertTrue(dev.mayAccess(Role.VIEWER, Set.of()));
        assertTrue(dev.mayAccess(Role.DEVELOPER, Set.of(Scope.WRITE)));
        assertFalse(dev.mayAccess(Role.OPERATOR, Set.of(Scope.OPERATE)));
        Caller reader = Caller.apiKey(new ApiKeyPrincipal("k1", "ci", Set.of(Scope.READ)));
        assertTrue(reader.mayAccess(Role.VIEWER, Set.of(Scope.READ)));
        assertFalse(reader.mayAccess(Role.DEVELOPER, Set.of(Scope.WRITE)));
        assertFalse(reader.mayAccess(Role.VIEWER, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> Caller.user("u", "x", Role.SERVICE, null, null));
    }

    @Test
    void usernames_and_emails_are_normalised_and_checked() {
        User u = new User("1", " Ada ", " Ada@Example.COM ", "  ", Role.VIEWER, "h", false, Instant.EPOCH, null, null);
        assertEquals("ada", u.username());
        assertEquals("ada@example.com", u.email());
        assertEquals(null, u.fullName());
        assertThrows(InvalidFieldException.class, () -> User.username("a b"));
        assertThrows(InvalidFieldException.class, () -> User.username("x"));
        assertThrows(InvalidFieldException.class, () -> User.email("no-at-sign"));
        assertThrows(InvalidFieldException.class, () -> PasswordPolicy.check("password", "1234567"));
        assertThrows(InvalidFieldException.class, () -> PasswordPolicy.check("password", "        "));
        assertEquals("12345678", PasswordPolicy.check("password", "12345678"));
    }
}
