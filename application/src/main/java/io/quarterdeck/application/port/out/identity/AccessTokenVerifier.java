package io.quarterdeck.application.port.out.identity;

/** Checks a bearer token's signature, issuer, audience and lifetime, and says whom it names. */
public interface AccessTokenVerifier {
    /**
     * @throws io.quarterdeck.domain.identity.AuthenticationFailedException when the token does not verify
     * @throws io.quarterdeck.domain.identity.NotPermittedException when it verifies but grants no role
     */
    VerifiedAccessToken verify(String token);
}
