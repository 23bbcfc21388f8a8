package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.Invitation;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import java.util.List;

/** The team: its members, invitations with a role and a one-time token, role changes and disabling. */
public interface ManageTeamUseCase {
    List<User> members();

    List<Invitation> openInvitations();

    CreatedInvitation invite(Caller inviter, String email, Role role);

    /** Turns an open invitation into an account with the invited role; the token works once. */
    User accept(AcceptInvitationCommand command);

    User changeRole(Caller caller, String userId, Role role);

    User setDisabled(Caller caller, String userId, boolean disabled);

    record CreatedInvitation(Invitation invitation, String token) {
    }
}
