package io.quarterdeck.domain.shared;

/**
 * Rules for text that people type and others read back: names and e-mail addresses hold no control characters
 * (a NUL, which PostgreSQL cannot store, or a CR/LF that would forge lines) and no unpaired surrogates.
 */
public final class Text {
    private Text() {
    }

    /** A stripped single line of 1 to {@code max} characters. */
    public static String line(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new InvalidFieldException(field, "must be 1 to " + max + " characters");
        }
        return printable(field, v);
    }

    /** The value unchanged when it holds no control character and no unpaired surrogate. */
    public static String printable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidFieldException(field, "must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidFieldException(field, "must not contain unpaired surrogates");
            }
        }
        return value;
    }
}
