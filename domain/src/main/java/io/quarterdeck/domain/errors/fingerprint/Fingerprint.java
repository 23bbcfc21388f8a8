package io.quarterdeck.domain.errors.fingerprint;

/**
 * The grouping key of an error: the first 128 bits of a SHA-256 digest, written as exactly 32 lowercase
 * hexadecimal characters. Occurrences with equal fingerprints are aggregated into one error group.
 *
 * @param value 32 characters from {@code [0-9a-f]}
 */
public record Fingerprint(String value) {
    /** Number of hexadecimal characters in every fingerprint. */
    public static final int LENGTH = 32;

    public Fingerprint {
        if (value == null) {
            throw new IllegalArgumentException("fingerprint must not be null");
        }
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException(
                    "fingerprint must be " + LENGTH + " lowercase hex characters, got " + value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                throw new IllegalArgumentException("fingerprint must be lowercase hex, found '" + c + "' at " + i);
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
