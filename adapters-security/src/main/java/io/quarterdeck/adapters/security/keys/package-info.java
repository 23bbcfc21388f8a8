/** The RS256 signing key ring: generation, rotation, the public JWKS. */
package io.quarterdeck.adapters.security.keys;
