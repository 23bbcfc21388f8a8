package io.quarterdeck.adapters.rest.websocket;

import io.quarterdeck.application.port.in.apikeys.AuthenticateApiKeyUseCase;
import io.quarterdeck.domain.identity.ApiKeyPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Authenticates a WebSocket handshake's token. Liberty gives WebSocket callbacks no transaction context, which
 * the key lookup needs, so this starts one; HTTP requests have one already and skip this cost.
 */
@ApplicationScoped
public class SocketAuthentication {
    @Inject
    AuthenticateApiKeyUseCase apiKeys;

    @Transactional
    public Optional<ApiKeyPrincipal> authenticate(String token) {
        return apiKeys.authenticate(token);
    }
}
