package io.quarterdeck.adapters.rest.apiv1.auth;

import io.quarterdeck.application.port.in.identity.TokenPair;

/** The OAuth2-style token answer: {@code refresh_token} is absent for service clients. */
public record TokenDto(String accessToken, String refreshToken, String tokenType, long expiresIn, String role) {
    public static TokenDto from(TokenPair pair) {
        return new TokenDto(pair.accessToken(), pair.refreshToken(), "bearer", pair.expiresInSeconds(),
                pair.role().wireName());
    }
}
