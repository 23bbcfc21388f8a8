package io.quarterdeck.server.archfixture;

/** Deliberately wrong: the composition root using the security adapter's technology. */
public class ServerSigningTokens {
    org.jose4j.jws.JsonWebSignature signature;
}
