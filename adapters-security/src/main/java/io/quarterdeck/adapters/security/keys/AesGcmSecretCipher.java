package io.quarterdeck.adapters.security.keys;

import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.application.port.out.notifications.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * Secrets of notification channels at rest: AES-GCM under the same key-encryption key as the signing keys (so every
 * instance on one database can read them), with {@code secret:<context>} as associated data so a ciphertext cannot
 * be moved to another channel.
 */
@ApplicationScoped
public class AesGcmSecretCipher implements SecretCipher {
    private final SecuritySettings settings;
    private volatile KeyEncryptionKey kek;

    @Inject
    public AesGcmSecretCipher(SecuritySettings settings) {
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected AesGcmSecretCipher() {
        this(null);
    }

    private KeyEncryptionKey kek() {
        KeyEncryptionKey k = kek;
        if (k == null) {
            synchronized (this) {
                if (kek == null) {
                    kek = KeyEncryptionKey.of(settings);
                }
                k = kek;
            }
        }
        return k;
    }

    @Override
    public String seal(String context, String plain) {
        return kek().encrypt("secret:" + context, plain.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String open(String context, String sealed) {
        try {
            return new String(kek().decrypt("secret:" + context, sealed), StandardCharsets.UTF_8);
        } catch (KeyDecryptionException e) {
            throw new IllegalStateException("the secrets of " + context + " cannot be decrypted with the"
                    + " key-encryption key from " + kek().source() + "; every instance on one database needs the same "
                    + SecuritySettings.KEY_ENCRYPTION_KEY);
        }
    }
}
