/** Access tokens with jose4j: issuing ours (RS256) and verifying ours and an external OIDC issuer's. */
package io.quarterdeck.adapters.security.tokens;
