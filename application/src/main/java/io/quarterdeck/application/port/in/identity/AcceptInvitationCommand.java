package io.quarterdeck.application.port.in.identity;

/** Accepting an invitation: its one-time token and the new account's username, full name and password. */
public record AcceptInvitationCommand(String token, String username, String fullName, String password) {
    @Override
    public String toString() {
        return "AcceptInvitationCommand[" + username + "]";
    }
}
