package io.quarterdeck.application.port.out.identity;

/** The RS256 keys this server signs access tokens with. */
public interface SigningKeyRing {
    /** The public keys that verify our tokens now, as a JWKS document. */
    String publicJwks();

    /** Whether keys are generated and rotated here (false when a key is configured from a file). */
    boolean managedHere();

    /** Makes a new key current and returns its id. */
    String rotate();
}
