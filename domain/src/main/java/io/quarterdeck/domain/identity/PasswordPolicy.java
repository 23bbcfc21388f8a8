package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.InvalidFieldException;

/** What a new password must be: 8 to 256 characters (NIST SP 800-63B's floor; the ceiling bounds hashing work). */
public final class PasswordPolicy {
    public static final int MIN = 8;
    public static final int MAX = 256;

    private PasswordPolicy() {
    }

    public static String check(String field, String password) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            throw new InvalidFieldException(field, "must be " + MIN + " to " + MAX + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return password;
    }
}
