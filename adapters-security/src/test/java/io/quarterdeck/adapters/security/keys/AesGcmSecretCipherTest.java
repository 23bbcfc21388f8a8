package io.quarterdeck.adapters.security.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.adapters.security.SecuritySettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmSecretCipherTest {
    @TempDir
    Path dir;

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void sealsPerContextAndOnlyTheSameKeyOpens() {
        String kek = key();
        AesGcmSecretCipher cipher = new AesGcmSecretCipher(SecuritySettings.defaults(dir).withKeyEncryptionKey(kek));
        String sealed = cipher.seal("ch-1", "secret=hunter2");
        assertFalse(sealed.contains("hunter2"));
        assertEquals("secret=hunter2", cipher.open("ch-1", sealed));
        assertEquals("secret=hunter2", new AesGcmSecretCipher(SecuritySettings.defaults(dir.resolve("other"))
                .withKeyEncryptionKey(kek)).open("ch-1", sealed), "another instance with the same key reads it");
        assertThrows(IllegalStateException.class, () -> cipher.open("ch-2", sealed), "bound to its channel");
        assertThrows(IllegalStateException.class, () -> new AesGcmSecretCipher(SecuritySettings.defaults(dir)
                .withKeyEncryptionKey(key())).open("ch-1", sealed));
    }
}
