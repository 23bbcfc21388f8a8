package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Scope;
import java.time.Instant;
import java.util.Set;

/** An API key to create: its name, scopes and optional expiry (null: never). */
public record NewApiKey(String name, Set<Scope> scopes, Instant expiresAt) {
}
