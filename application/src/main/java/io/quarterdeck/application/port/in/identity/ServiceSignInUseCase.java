package io.quarterdeck.application.port.in.identity;

/** OAuth2 client credentials: a service client's id and secret for an access token (no refresh token). */
public interface ServiceSignInUseCase {
    TokenPair signInService(String clientId, String clientSecret);
}
