package io.quarterdeck.adapters.security.keys;

/** A stored signing key that the configured key-encryption key did not encrypt: the server cannot sign. */
public class KeyDecryptionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KeyDecryptionException(String message) {
        super(message);
    }
}
