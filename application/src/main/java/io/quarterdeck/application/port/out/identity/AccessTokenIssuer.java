package io.quarterdeck.application.port.out.identity;

import io.quarterdeck.domain.identity.AccessTokenClaims;

/** Signs access tokens (RS256 JWTs with the current key). */
public interface AccessTokenIssuer {
    String issue(AccessTokenClaims claims);
}
