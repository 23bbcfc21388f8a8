package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.BootstrapOwnerUseCase;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.application.port.in.identity.PasswordChange;
import io.quarterdeck.application.port.in.identity.ProfileChange;
import io.quarterdeck.application.port.in.identity.ProfileUseCase;
import io.quarterdeck.application.port.in.identity.RegisterCommand;
import io.quarterdeck.application.port.in.identity.RegisterUseCase;
import io.quarterdeck.application.port.out.identity.BootstrapSecretSink;
import io.quarterdeck.application.port.out.identity.RefreshTokenRepository;
import io.quarterdeck.application.port.out.identity.SecretHasher;
import io.quarterdeck.application.port.out.identity.UserRepository;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.PasswordPolicy;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** A person's own account: the profile and password, self-registration, and the first owner. */
@ApplicationScoped
public class AccountService implements ProfileUseCase, RegisterUseCase, BootstrapOwnerUseCase {
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final SecretHasher hasher;
    private final TokenRevocationService revocations;
    private final BootstrapSecretSink sink;
    private final Clock clock;
    private final IdentitySettings settings;

    @Inject
    public AccountService(UserRepository users, RefreshTokenRepository refreshTokens, SecretHasher hasher,
                          TokenRevocationService revocations, BootstrapSecretSink sink, Clock clock,
                          IdentitySettings settings) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.revocations = revocations;
        this.sink = sink;
        this.clock = clock;
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected AccountService() {
        this(null, null, null, null, null, null, null);
    }
    @Override
    public User me(Caller caller) {
        requirePerson(caller);
        return users.findById(caller.id()).orElseThrow(() -> new NotFoundException("user", caller.id()));
    }
    @Override
    @Transactional
    public User updateProfile(Caller caller, ProfileChange change) {
        String email = change.email();
        String fullName = change.fullName();
        User current = me(caller);
        User updated = current.withProfile(email == null ? current.email() : email,
                fullName == null ? current.fullName() : fullName);
        users.update(updated);
        return updated;
    }
    @Override
    @Transactional
    public void changePassword(Caller caller, PasswordChange change) {
        String currentPassword = change.currentPassword();
        String newPassword = change.newPassword();
        User user = me(caller);
        if (currentPassword == null || !hasher.verify(currentPassword, user.passwordHash())) {
            throw new InvalidFieldException("current_password", "is not the current password");
        }
        PasswordPolicy.check("new_password", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidFieldException("new_password", "must differ from the current password");
        }
        Instant now = clock.instant();
        users.update(user.withPassword(hasher.hash(newPassword), now));
        refreshTokens.revokeSubject(user.id(), now);
        revocations.cutOff(user.id(), now);
        if (caller.tokenId() != null && caller.tokenExpiresAt() != null) {
            revocations.revoke(caller.tokenId(), caller.tokenExpiresAt());
        }
    }
    @Override
    @Transactional
    public User register(RegisterCommand command) {
        String password = command.password();
        if (!settings.registrationOpen()) {
            throw new NotPermittedException(
                    "Self-registration is disabled; ask an administrator for an invitation");
        }
        PasswordPolicy.check("password", password);
        User user = new User(UUID.randomUUID().toString(), command.username(), command.email(), command.fullName(), Role.VIEWER,
                hasher.hash(password), false, clock.instant(), null, null);
        users.insert(user);
        return user;
    }
    @Override
    @Transactional
    public Optional<String> bootstrapOwner(String username, Optional<String> presetPassword) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        boolean preset = presetPassword.isPresent() && !presetPassword.get().isBlank();
        String password = preset ? PasswordPolicy.check("quarterdeck.bootstrap.owner-password", presetPassword.get())
                : Secrets.random(24);
        users.insert(new User(UUID.randomUUID().toString(), username, null, "Owner", Role.OWNER,
                hasher.hash(password), false, clock.instant().truncatedTo(ChronoUnit.MILLIS), null, null));
        return Optional.of(preset ? "preset by configuration" : sink.deliver("bootstrap-owner-password", password));
    }

    private static void requirePerson(Caller caller) {
        if (!caller.isPerson()) {
            throw new NotPermittedException("Only a person has a profile; this caller is a " + caller.kind().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }
}
