package io.quarterdeck.adapters.rest.security;

import io.quarterdeck.domain.identity.ApiKeyPrincipal;
import java.security.Principal;

/** The authenticated caller as JAX-RS's SecurityContext carries it. */
public record CallerPrincipal(ApiKeyPrincipal apiKey) implements Principal {
    @Override
    public String getName() {
        return "api-key:" + apiKey.keyId();
    }
}
