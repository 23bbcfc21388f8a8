package io.quarterdeck.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 20: a NUL in an e-mail or a name was stored (H2) or failed in the database (PostgreSQL). */
class UserTextTest {
    private static User user(String email, String fullName) {
        return new User("u1", "ann", email, fullName, Role.VIEWER, "hash", false, Instant.EPOCH, null, null);
    }

    @Test
    void an_email_or_full_name_with_a_control_character_is_refused_naming_the_field() {
        assertEquals("email", assertThrows(InvalidFieldException.class, () -> User.email("a\u0000b@example.com")).field());
        assertEquals("email", assertThrows(InvalidFieldException.class, () -> user("a@exa\u0001mple.com", null)).field());
        assertEquals("full_name", assertThrows(InvalidFieldException.class, () -> user(null, "Ann\u0000Lee")).field());
    }

    @Test
    void ordinary_addresses_and_names_pass() {
        User u = user("Ann.Lee+ops@Example.com", " Ann Lee ");
        assertEquals("ann.lee+ops@example.com", u.email());
        assertEquals("Ann Lee", u.fullName());
    }
}
