package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.IdentitySettings;

import io.quarterdeck.application.port.in.identity.AcceptInvitationCommand;
import io.quarterdeck.application.port.in.identity.ManageTeamUseCase;
import io.quarterdeck.application.port.out.identity.InvitationRepository;
import io.quarterdeck.application.port.out.identity.RefreshTokenRepository;
import io.quarterdeck.application.port.out.identity.SecretHasher;
import io.quarterdeck.application.port.out.identity.UserRepository;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.Invitation;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.PasswordPolicy;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The team. Who may give which role follows the ladder ({@link Role#mayGrant}); nobody changes their own role or
 * disables themselves, and the last active owner stays an owner. A role change or disabling cuts off the person's
 * tokens at once.
 */
@ApplicationScoped
public class TeamService implements ManageTeamUseCase {
    static final String INVITE_PREFIX = "qdi_";

    private final UserRepository users;
    private final InvitationRepository invitations;
    private final RefreshTokenRepository refreshTokens;
    private final TokenRevocationService revocations;
    private final SecretHasher hasher;
    private final Clock clock;
    private final IdentitySettings settings;

    @Inject
    public TeamService(UserRepository users, InvitationRepository invitations, RefreshTokenRepository refreshTokens,
                       TokenRevocationService revocations, SecretHasher hasher, Clock clock,
                       IdentitySettings settings) {
        this.users = users;
        this.invitations = invitations;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.hasher = hasher;
        this.clock = clock;
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected TeamService() {
        this(null, null, null, null, null, null, null);
    }

    @Override
    @Transactional
    public List<User> members() {
        return users.list();
    }

    @Override
    @Transactional
    public List<Invitation> openInvitations() {
        return invitations.listOpen(clock.instant());
    }

    @Override
    @Transactional
    public CreatedInvitation invite(Caller inviter, String email, Role role) {
        if (email == null || email.isBlank()) {
            throw new InvalidFieldException("email", "is required");
        }
        String address = User.email(email);
        if (role == null) {
            throw new InvalidFieldException("role", "is required");
        }
        requireGrant(inviter, role);
        if (users.findByEmail(address).isPresent()) {
            throw new ConflictException("email", "A member with this e-mail already exists");
        }
        String token = INVITE_PREFIX + Secrets.random(40);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Invitation invitation = new Invitation(UUID.randomUUID().toString(), address, role, Secrets.sha256(token),
                inviter.name() == null ? inviter.id() : inviter.name(), now, now.plus(settings.invitationTtl()), null);
        invitations.insert(invitation);
        return new CreatedInvitation(invitation, token);
    }

    @Override
    @Transactional
    public User accept(AcceptInvitationCommand command) {
        String token = command.token();
        String username = command.username();
        String fullName = command.fullName();
        String password = command.password();
        if (token == null || !token.startsWith(INVITE_PREFIX) || token.length() > 100) {
            throw new NotFoundException("invitation", "?");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Invitation invitation = invitations.findByTokenHash(Secrets.sha256(token))
                .orElseThrow(() -> new NotFoundException("invitation", "?"));
        if (invitation.acceptedAt() != null) {
            throw new ConflictException("token", "This invitation has already been accepted");
        }
        if (!invitation.openAt(now)) {
            throw new ConflictException("token", "This invitation has expired");
        }
        PasswordPolicy.check("password", password);
        User user = new User(UUID.randomUUID().toString(), username, invitation.email(), fullName, invitation.role(),
                hasher.hash(password), false, now, null, null);
        if (!invitations.markAccepted(invitation.id(), now)) {
            throw new ConflictException("token", "This invitation has already been accepted");
        }
        users.insert(user);
        return user;
    }

    @Override
    @Transactional
    public User changeRole(Caller caller, String userId, Role role) {
        User target = target(caller, userId);
        if (role == null) {
            throw new InvalidFieldException("role", "is required");
        }
        requireGrant(caller, target.role());
        requireGrant(caller, role);
        if (target.role() == Role.OWNER && role != Role.OWNER) {
            requireAnotherOwner(target);
        }
        User updated = target.withRole(role);
        users.update(updated);
        cutOff(updated);
        return updated;
    }

    @Override
    @Transactional
    public User setDisabled(Caller caller, String userId, boolean disabled) {
        User target = target(caller, userId);
        requireGrant(caller, target.role());
        if (disabled && target.role() == Role.OWNER) {
            requireAnotherOwner(target);
        }
        User updated = target.withDisabled(disabled);
        users.update(updated);
        if (disabled) {
            cutOff(updated);
        }
        return updated;
    }

    private User target(Caller caller, String userId) {
        User target = (userId == null ? java.util.Optional.<User>empty() : users.findById(userId))
                .orElseThrow(() -> new NotFoundException("user", String.valueOf(userId)));
        if (target.id().equals(caller.id())) {
            throw new NotPermittedException("You cannot change your own role or disable yourself");
        }
        return target;
    }

    private static void requireGrant(Caller caller, Role role) {
        if (!caller.role().mayGrant(role)) {
            throw new NotPermittedException("A " + caller.role().wireName() + " may not manage the "
                    + role.wireName() + " role");
        }
    }

    private void requireAnotherOwner(User leaving) {
        boolean another = users.list().stream()
                .anyMatch(u -> u.role() == Role.OWNER && !u.disabled() && !u.id().equals(leaving.id()));
        if (!another) {
            throw new ConflictException("role", "The last owner cannot be demoted or disabled");
        }
    }

    private void cutOff(User user) {
        Instant now = clock.instant();
        refreshTokens.revokeSubject(user.id(), now);
        revocations.cutOff(user.id(), now);
    }
}
