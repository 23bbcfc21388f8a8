package io.quarterdeck.adapters.rest.websocket;

import io.quarterdeck.adapters.rest.security.BearerTokenVerifier;
import io.quarterdeck.adapters.rest.security.VerifiedToken;
import io.quarterdeck.application.port.in.apikeys.AuthenticateApiKeyUseCase;
import io.quarterdeck.application.port.in.identity.TokenRevocationUseCase;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates a WebSocket handshake's token: an API key ({@code qdk_...}) or a bearer JWT, checked against the
 * revocation list. Liberty gives WebSocket callbacks no transaction context, which the key lookup needs, so this
 * starts one; HTTP requests have one already and skip this cost.
 */
@ApplicationScoped
public class SocketAuthentication {
    @Inject
    AuthenticateApiKeyUseCase apiKeys;
    @Inject
    BearerTokenVerifier tokens;
    @Inject
    TokenRevocationUseCase revocations;

    @Transactional
    public Optional<Caller> authenticate(String token) {
        if (token.startsWith(ApiKey.PREFIX)) {
            return apiKeys.authenticate(token).map(Caller::apiKey);
        }
        try {
            VerifiedToken verified = tokens.verify(token);
            Caller c = verified.caller();
            Instant issued = verified.getIssuedAtTime() == 0 ? null : Instant.ofEpochSecond(verified.getIssuedAtTime());
            return revocations.isRevoked(c.tokenId(), c.id(), issued) ? Optional.empty() : Optional.of(c);
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
