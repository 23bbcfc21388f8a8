package io.quarterdeck.adapters.rest.apiv1.auth;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.identity.User;

/** A person as the ChatOps seed (004) shows one; never the password hash. */
public record UserDto(String id, String username, String email, String fullName, String role, boolean isActive,
                      String createdAt, String lastActive) {
    public static UserDto from(User u) {
        return new UserDto(u.id(), u.username(), u.email(), u.fullName(), u.role().wireName(), !u.disabled(),
                Times.format(u.createdAt()), u.lastActive() == null ? null : Times.format(u.lastActive()));
    }
}
