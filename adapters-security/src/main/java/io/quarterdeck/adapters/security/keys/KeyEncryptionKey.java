package io.quarterdeck.adapters.security.keys;

import io.quarterdeck.adapters.security.SecuritySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts signing keys at rest (AES-GCM, a fresh 96-bit nonce per key, the kid as associated
 * data so a ciphertext cannot be moved to another row). From {@code quarterdeck.jwt.key-encryption-key}, or generated
 * once into {@code <data-dir>/keys/kek}, readable by the server's user only.
 */
final class KeyEncryptionKey {
    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String source;
    private final SecureRandom random = new SecureRandom();

    private KeyEncryptionKey(byte[] key, String source) {
        this.key = new SecretKeySpec(key, "AES");
        this.source = source;
    }

    static KeyEncryptionKey of(SecuritySettings settings) {
        if (settings.keyEncryptionKey().isPresent()) {
            return new KeyEncryptionKey(SecuritySettings.decodeKeyEncryptionKey(settings.keyEncryptionKey().get()),
                    SecuritySettings.KEY_ENCRYPTION_KEY);
        }
        Path file = settings.keysDirectory().resolve("kek");
        return new KeyEncryptionKey(readOrGenerate(file), "the generated " + file + " (" + SecuritySettings.KEY_ENCRYPTION_KEY
                + " is not set)");
    }

    /** Where the key came from, for error messages. */
    String source() {
        return source;
    }

    String encrypt(String kid, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain bytes, or {@link KeyDecryptionException} naming the setting when this key did not encrypt them. */
    byte[] decrypt(String kid, String sealed) {
        try {
            if (sealed == null || !sealed.startsWith(VERSION)) {
                throw new GeneralSecurityException("unknown format");
            }
            byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (all.length <= NONCE_BYTES + TAG_BITS / 8) {
                throw new GeneralSecurityException("too short");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyDecryptionException("The signing key " + kid + " stored in the database cannot be decrypted"
                    + " with the key-encryption key from " + source + ". Every instance on one database needs the same "
                    + SecuritySettings.KEY_ENCRYPTION_KEY + " (base64 of 32 bytes): set it to the key that encrypted"
                    + " the ring, or delete the rows of signing_keys to start a new ring (tokens already issued then"
                    + " stop verifying).");
        }
    }

    private static byte[] readOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    writeOwnerOnly(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    return fresh;
                } catch (FileAlreadyExistsException raced) {
                    // Another start won; read what it wrote.
                }
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                return SecuritySettings.decodeKeyEncryptionKey(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + " does not hold a key-encryption key (base64 of 32 bytes); set "
                        + SecuritySettings.KEY_ENCRYPTION_KEY + " or restore the file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key-encryption key " + file, e);
        }
    }

    /** Creates the file (it must not exist) readable and writable by the owner only, and writes the text. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        var channel = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(file, options);
        try (channel) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
