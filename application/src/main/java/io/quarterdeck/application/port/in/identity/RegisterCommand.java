package io.quarterdeck.application.port.in.identity;

/** Self-registration: the new account's username, e-mail, full name and password. */
public record RegisterCommand(String username, String email, String fullName, String password) {
    @Override
    public String toString() {
        return "RegisterCommand[" + username + "]";
    }
}
