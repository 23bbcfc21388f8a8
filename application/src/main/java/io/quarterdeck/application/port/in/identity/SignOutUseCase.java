package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Caller;

/** Revokes the caller's access token and, when given, the refresh token's family. */
public interface SignOutUseCase {
    void signOut(Caller caller, String refreshToken);
}
