package io.quarterdeck.domain.identity;

import java.util.Set;

/** Who called with an API key, and what the key allows. */
public record ApiKeyPrincipal(String keyId, String name, Set<Scope> scopes) {
    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
