package io.quarterdeck.application.port.in.identity;

/** A person signs in with username (or e-mail) and password. */
public interface SignInUseCase {
    /** @throws io.quarterdeck.domain.identity.AuthenticationFailedException for any wrong or disabled account */
    TokenPair signIn(String username, String password);
}
