package io.quarterdeck.application.apikeys;

import io.quarterdeck.application.port.out.identity.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for the memory-hard hasher: salted SHA-256 as {@code sha256$<salt>$<digest>}. Counts its calls,
 * tracks how many verifications run at once, and can hold the first verification until released.
 */
final class SaltedSha256Hasher implements SecretHasher {
    private final SecureRandom random = new SecureRandom();
    final AtomicInteger hashes = new AtomicInteger();
    final AtomicInteger verifications = new AtomicInteger();
    final AtomicInteger maxConcurrentVerifications = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    final CountDownLatch firstVerificationEntered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean holdFirstVerification;

    @Override
    public String hash(String secret) {
        hashes.incrementAndGet();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return "sha256$" + Base64.getEncoder().encodeToString(salt) + "$" + digest(salt, secret);
    }

    @Override
    public boolean verify(String secret, String encodedHash) {
        int n = verifications.incrementAndGet();
        maxConcurrentVerifications.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            if (n == 1 && holdFirstVerification) {
                firstVerificationEntered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            String[] parts = encodedHash.split("\\$");
            if (parts.length != 3 || !parts[0].equals("sha256")) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            return MessageDigest.isEqual(digest(salt, secret).getBytes(StandardCharsets.US_ASCII),
                    parts[2].getBytes(StandardCharsets.US_ASCII));
        } finally {
            running.decrementAndGet();
        }
    }

    private static String digest(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
