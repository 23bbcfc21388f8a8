package io.quarterdeck.application.port.in.identity;

/** Trades a refresh token, once, for a new pair; a second use revokes the token's whole family. */
public interface RefreshTokensUseCase {
    TokenPair refresh(String refreshToken);
}
