package io.quarterdeck.application.port.out.identity;

/** A slow, memory-hard one-way hash for secrets (passwords, API keys, client secrets). */
public interface SecretHasher {
    /** An encoded hash carrying its own salt and parameters. */
    String hash(String secret);

    boolean verify(String secret, String encodedHash);
}
