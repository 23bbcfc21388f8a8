package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.Text;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who signs in. The password is only ever held as an Argon2id hash. Usernames are compared without case
 * (stored lower-case); {@code passwordChangedAt} lets tokens issued before a password change be refused.
 */
public record User(String id, String username, String email, String fullName, Role role, String passwordHash,
                   boolean disabled, Instant createdAt, Instant lastActive, Instant passwordChangedAt) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(passwordHash, "passwordHash");
        username = username(username);
        email = email == null || email.isBlank() ? null : email(email);
        fullName = fullName == null || fullName.isBlank() ? null : Text.line("full_name", fullName, 200);
        if (role == null || !role.onLadder()) {
            throw new InvalidFieldException("role", "must be one of viewer, developer, operator, admin, owner");
        }
    }

    public static String username(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(v).matches()) {
            throw new InvalidFieldException("username",
                    "must be 2 to 64 characters: letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return v;
    }

    /** Lower-cased: addresses are compared without case, as every mail system in use does. */
    public static String email(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(v).matches()) {
            throw new InvalidFieldException("email", "must be an e-mail address");
        }
        return Text.printable("email", v);
    }

    public User withProfile(String newEmail, String newFullName) {
        return new User(id, username, newEmail, newFullName, role, passwordHash, disabled, createdAt, lastActive,
                passwordChangedAt);
    }

    public User withPassword(String newHash, Instant at) {
        return new User(id, username, email, fullName, role, newHash, disabled, createdAt, lastActive, at);
    }

    public User withRole(Role newRole) {
        return new User(id, username, email, fullName, newRole, passwordHash, disabled, createdAt, lastActive,
                passwordChangedAt);
    }

    public User withDisabled(boolean value) {
        return new User(id, username, email, fullName, role, passwordHash, value, createdAt, lastActive,
                passwordChangedAt);
    }

    public User activeAt(Instant at) {
        return new User(id, username, email, fullName, role, passwordHash, disabled, createdAt, at, passwordChangedAt);
    }
}
