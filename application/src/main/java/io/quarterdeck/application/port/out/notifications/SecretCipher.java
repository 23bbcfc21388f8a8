package io.quarterdeck.application.port.out.notifications;

/** Encrypts secrets at rest; {@code context} binds a ciphertext to its owner (a channel id) so it cannot be moved. */
public interface SecretCipher {
    String seal(String context, String plain);

    String open(String context, String sealed);
}
