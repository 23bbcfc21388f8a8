package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.User;

/** The signed-in person's own account: read it, change e-mail and name, change the password. */
public interface ProfileUseCase {
    User me(Caller caller);

    User updateProfile(Caller caller, ProfileChange change);

    /** Checks the current password; on success every token and refresh token issued before is revoked. */
    void changePassword(Caller caller, PasswordChange change);
}
