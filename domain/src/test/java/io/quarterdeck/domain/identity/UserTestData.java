package io.quarterdeck.domain.identity;

import java.time.Instant;

/**
 * A valid {@link User} to start from: {@code UserTestData.aUser().named("grace").withRole(Role.ADMIN).build()}.
 * Id and e-mail follow the name unless a test sets them; each method returns a new builder.
 */
public final class UserTestData {
    /** When users are created unless a test says otherwise. */
    public static final Instant CREATED = Instant.parse("2025-01-20T10:30:00Z");

    private final String id;
    private final String username;
    private final String email;
    private final String fullName;
    private final Role role;
    private final String passwordHash;
    private final boolean disabled;
    private final Instant createdAt;

    private UserTestData(String id, String username, String email, String fullName, Role role, String passwordHash,
                         boolean disabled, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.email = email;
        this.fullName = fullName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.disabled = disabled;
        this.createdAt = createdAt;
    }

    /** The developer "ada" (id {@code id-ada}, ada@example.com), enabled, with a placeholder password hash. */
    public static UserTestData aUser() {
        return new UserTestData("id-ada", "ada", "ada@example.com", "Ada Lovelace", Role.DEVELOPER,
                "$argon2id$placeholder", false, CREATED);
    }

    /** Named {@code name}: id {@code id-<name>} and e-mail {@code <name>@example.com} follow. */
    public UserTestData named(String name) {
        return new UserTestData("id-" + name, name, name + "@example.com", fullName, role, passwordHash, disabled, createdAt);
    }

    public UserTestData withId(String newId) {
        return new UserTestData(newId, username, email, fullName, role, passwordHash, disabled, createdAt);
    }

    public UserTestData withEmail(String newEmail) {
        return new UserTestData(id, username, newEmail, fullName, role, passwordHash, disabled, createdAt);
    }

    public UserTestData withFullName(String newFullName) {
        return new UserTestData(id, username, email, newFullName, role, passwordHash, disabled, createdAt);
    }

    public UserTestData withRole(Role newRole) {
        return new UserTestData(id, username, email, fullName, newRole, passwordHash, disabled, createdAt);
    }

    public UserTestData withPasswordHash(String newHash) {
        return new UserTestData(id, username, email, fullName, role, newHash, disabled, createdAt);
    }

    public UserTestData disabled() {
        return new UserTestData(id, username, email, fullName, role, passwordHash, true, createdAt);
    }

    public UserTestData createdAt(Instant at) {
        return new UserTestData(id, username, email, fullName, role, passwordHash, disabled, at);
    }

    public User build() {
        return new User(id, username, email, fullName, role, passwordHash, disabled, createdAt, null, null);
    }
}
