package io.quarterdeck.adapters.rest.spine.security;

import io.quarterdeck.domain.identity.Caller;

/** The authenticated caller of an API-key request as JAX-RS's SecurityContext carries it. */
public record CallerPrincipal(Caller caller) implements AuthenticatedPrincipal {
    @Override
    public String getName() {
        return "api-key:" + caller.id();
    }
}
