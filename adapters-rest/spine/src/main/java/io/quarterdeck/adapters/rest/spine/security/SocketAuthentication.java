package io.quarterdeck.adapters.rest.spine.security;

import io.quarterdeck.application.port.in.identity.AuthenticateUseCase;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Authenticates a WebSocket's credential (an API key or a bearer JWT) through the authentication in-port. Liberty
 * gives WebSocket callbacks no transaction context, which the key lookup needs, so this starts one; HTTP requests
 * have one already and skip this cost.
 */
@ApplicationScoped
public class SocketAuthentication {
    private final AuthenticateUseCase authentication;

    @Inject
    public SocketAuthentication(AuthenticateUseCase authentication) {
        this.authentication = authentication;
    }

    /** For CDI proxies only. */
    protected SocketAuthentication() {
        this(null);
    }

    @Transactional
    public Optional<Caller> authenticate(String credential) {
        try {
            return Optional.of(authentication.credential(credential).caller());
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
