package io.quarterdeck.application.port.in.identity;

/** A password change: the current password proves the person, the new one must pass the password policy. */
public record PasswordChange(String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
