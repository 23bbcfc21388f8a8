package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.apikeys.AuthenticateApiKeyUseCase;
import io.quarterdeck.application.port.in.identity.Authentication;
import io.quarterdeck.application.port.in.identity.AuthenticateServiceClientUseCase;
import io.quarterdeck.application.port.in.identity.AuthenticateUseCase;
import io.quarterdeck.application.port.out.identity.AccessTokenVerifier;
import io.quarterdeck.application.port.out.identity.VerifiedAccessToken;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Credential to caller: verified tokens that are not revoked, and API keys that are active. */
@ApplicationScoped
public class AuthenticationService implements AuthenticateUseCase {
    private final AccessTokenVerifier tokens;
    private final TokenRevocationService revocations;
    private final AuthenticateApiKeyUseCase apiKeys;
    private final AuthenticateServiceClientUseCase clients;

    @Inject
    public AuthenticationService(AccessTokenVerifier tokens, TokenRevocationService revocations,
                                 AuthenticateApiKeyUseCase apiKeys, AuthenticateServiceClientUseCase clients) {
        this.clients = clients;
        this.tokens = tokens;
        this.revocations = revocations;
        this.apiKeys = apiKeys;
    }

    /** For CDI proxies only. */
    protected AuthenticationService() {
        this(null, null, null, null);
    }

    @Override
    public Authentication bearer(String token) {
        VerifiedAccessToken verified = tokens.verify(token);
        Caller c = verified.caller();
        if (revocations.isRevoked(c.tokenId(), c.id(), verified.issuedAt())) {
            throw new AuthenticationFailedException("Invalid or expired token", "revoked token " + c.tokenId());
        }
        return new Authentication(c, verified.token());
    }

    @Override
    public Authentication apiKey(String key) {
        return apiKeys.authenticate(key.trim()).map(k -> new Authentication(Caller.apiKey(k), null))
                .orElseThrow(() -> new AuthenticationFailedException("Invalid API key", "unknown, revoked or expired API key"));
    }

    @Override
    public Authentication basic(String username, String password) {
        if (password != null && password.startsWith(ApiKey.PREFIX)) {
            return apiKey(password);
        }
        return new Authentication(clients.authenticateClient(username, password), null);
    }

    @Override
    public Authentication credential(String credential) {
        return credential.startsWith(ApiKey.PREFIX) ? apiKey(credential) : bearer(credential);
    }
}
