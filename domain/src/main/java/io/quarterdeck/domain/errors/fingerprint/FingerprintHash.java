package io.quarterdeck.domain.errors.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over a list of parts, each written as its 4-byte big-endian UTF-8 length followed by its bytes (a null
 * part as length -1), so no two different lists share an encoding. The fingerprint is the first 16 bytes in hex.
 */
final class FingerprintHash {
    private static final HexFormat HEX = HexFormat.of();

    private FingerprintHash() {
    }

    static Fingerprint of(List<String> parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            if (part == null) {
                writeInt(sha, -1);
                continue;
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            writeInt(sha, bytes.length);
            sha.update(bytes);
        }
        return new Fingerprint(HEX.formatHex(sha.digest(), 0, Fingerprint.LENGTH / 2));
    }

    private static void writeInt(MessageDigest sha, int v) {
        sha.update((byte) (v >>> 24));
        sha.update((byte) (v >>> 16));
        sha.update((byte) (v >>> 8));
        sha.update((byte) v);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
