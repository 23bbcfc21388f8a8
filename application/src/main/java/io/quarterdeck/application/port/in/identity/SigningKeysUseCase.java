package io.quarterdeck.application.port.in.identity;

/** The keys our access tokens are signed with: their public half for verifiers, and rotation for admins. */
public interface SigningKeysUseCase {
    /** The public keys as a JWKS document (JSON). */
    String publicJwks();

    /**
     * Makes a new key current; the previous one keeps verifying until every token it signed has expired.
     *
     * @return the new key's id
     * @throws io.quarterdeck.domain.shared.ConflictException when the signing key is configured from a file
     */
    String rotate();
}
