package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.IdentitySettings;

import io.quarterdeck.domain.identity.AccessTokenClaims;
import io.quarterdeck.application.port.in.identity.RefreshTokensUseCase;
import io.quarterdeck.application.port.in.identity.ServiceSignInUseCase;
import io.quarterdeck.application.port.in.identity.SignInUseCase;
import io.quarterdeck.application.port.in.identity.SignOutUseCase;
import io.quarterdeck.application.port.in.identity.TokenPair;
import io.quarterdeck.application.port.out.identity.AccessTokenIssuer;
import io.quarterdeck.application.port.out.identity.RefreshTokenRepository;
import io.quarterdeck.application.port.out.identity.SecretHasher;
import io.quarterdeck.application.port.out.identity.ServiceClientRepository;
import io.quarterdeck.application.port.out.identity.UserRepository;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.RefreshToken;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.ServiceClient;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signing in and out: passwords and client credentials for access tokens, one-time refresh tokens in families. Wrong
 * credentials all fail alike (and take as long: an unknown user still pays one hash).
 */
@ApplicationScoped
public class SignInService implements SignInUseCase, RefreshTokensUseCase, ServiceSignInUseCase, SignOutUseCase {
    static final String REFRESH_PREFIX = "qdr_";
    private static final String BAD_CREDENTIALS = "Invalid username or password";
    private static final String BAD_REFRESH = "Invalid or expired refresh token";

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final ServiceClientRepository clients;
    private final SecretHasher hasher;
    private final AccessTokenIssuer issuer;
    private final TokenRevocationService revocations;
    private final Clock clock;
    private final IdentitySettings settings;
    private volatile String dummyHash;

    @Inject
    public SignInService(UserRepository users, RefreshTokenRepository refreshTokens, ServiceClientRepository clients,
                         SecretHasher hasher, AccessTokenIssuer issuer, TokenRevocationService revocations, Clock clock,
                         IdentitySettings settings) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.clients = clients;
        this.hasher = hasher;
        this.issuer = issuer;
        this.revocations = revocations;
        this.clock = clock;
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected SignInService() {
        this(null, null, null, null, null, null, null, null);
    }

    @Override
    @Transactional
    public TokenPair signIn(String username, String password) {
        Optional<User> found = lookUp(username);
        if (found.isEmpty() || password == null) {
            hasher.verify(password == null ? "" : password, dummyHash());
            throw new AuthenticationFailedException(BAD_CREDENTIALS, found.isEmpty() ? "unknown user" : "no password");
        }
        User user = found.get();
        if (!hasher.verify(password, user.passwordHash())) {
            throw new AuthenticationFailedException(BAD_CREDENTIALS, "wrong password for " + user.username());
        }
        if (user.disabled()) {
            throw new AuthenticationFailedException(BAD_CREDENTIALS, "account disabled: " + user.username());
        }
        Instant now = clock.instant();
        users.update(user.activeAt(now));
        return pairFor(user, UUID.randomUUID().toString(), now);
    }

    private Optional<User> lookUp(String username) {
        if (username == null || username.isBlank() || username.length() > 254) {
            return Optional.empty();
        }
        String name = username.strip();
        if (name.contains("@")) {
            Optional<User> byEmail = users.findByEmail(name);
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        try {
            return users.findByUsername(User.username(name));
        } catch (InvalidFieldException e) {
            return Optional.empty();
        }
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash(Secrets.random(24));
            dummyHash = h;
        }
        return h;
    }

    /**
     * The presented token is spent here whatever happens next. A token that was already spent means two parties
     * hold it: the whole family is revoked, and that revocation must survive the 401 (no rollback on it).
     */
    @Override
    @Transactional(dontRollbackOn = AuthenticationFailedException.class)
    public TokenPair refresh(String presented) {
        if (presented == null || !presented.startsWith(REFRESH_PREFIX) || presented.length() > 200) {
            throw new AuthenticationFailedException(BAD_REFRESH, "malformed refresh token");
        }
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByHash(Secrets.sha256(presented))
                .orElseThrow(() -> new AuthenticationFailedException(BAD_REFRESH, "unknown refresh token"));
        if (token.revokedAt() != null) {
            throw new AuthenticationFailedException(BAD_REFRESH, "revoked refresh token (family " + token.familyId() + ")");
        }
        if (token.usedAt() != null || !refreshTokens.markUsed(token.id(), now)) {
            int revoked = refreshTokens.revokeFamily(token.familyId(), now);
            throw new AuthenticationFailedException(BAD_REFRESH, "refresh token reuse: family " + token.familyId()
                    + " of " + token.subject() + " revoked (" + revoked + " tokens)");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw new AuthenticationFailedException(BAD_REFRESH, "expired refresh token");
        }
        User user = users.findById(token.subject())
                .orElseThrow(() -> new AuthenticationFailedException(BAD_REFRESH, "refresh token of a deleted user"));
        if (user.disabled()) {
            throw new AuthenticationFailedException(BAD_REFRESH, "account disabled: " + user.username());
        }
        users.update(user.activeAt(now));
        return pairFor(user, token.familyId(), now);
    }

    private TokenPair pairFor(User user, String familyId, Instant now) {
        Instant expires = now.plus(settings.accessTokenTtl());
        String access = issuer.issue(new AccessTokenClaims(user.id(), user.username(), user.role(), "user",
                Set.of(), UUID.randomUUID().toString(), now, expires));
        String refresh = REFRESH_PREFIX + Secrets.random(43);
        refreshTokens.insert(new RefreshToken(UUID.randomUUID().toString(), familyId, user.id(), Secrets.sha256(refresh),
                now, now.plus(settings.refreshTokenTtl()), null, null));
        return new TokenPair(access, refresh, settings.accessTokenTtl().toSeconds(), user.id(), user.role());
    }

    @Override
    public TokenPair signInService(String clientId, String clientSecret) {
        Optional<ServiceClient> found = clientId == null || clientId.length() > 100 ? Optional.empty()
                : clients.findById(clientId.strip());
        Instant now = clock.instant();
        if (found.isEmpty() || clientSecret == null) {
            hasher.verify(clientSecret == null ? "" : clientSecret, dummyHash());
            throw new AuthenticationFailedException("Invalid client credentials", "unknown client " + clientId);
        }
        ServiceClient client = found.get();
        boolean ok = hasher.verify(clientSecret, client.secretHash())
                || (client.previousValidAt(now) && hasher.verify(clientSecret, client.previousSecretHash()));
        if (!ok || client.disabledAt() != null) {
            throw new AuthenticationFailedException("Invalid client credentials",
                    (ok ? "disabled client " : "wrong secret for client ") + client.clientId());
        }
        Instant expires = now.plus(settings.accessTokenTtl());
        String access = issuer.issue(new AccessTokenClaims(client.clientId(), client.name(), Role.SERVICE,
                "service", client.scopes(), UUID.randomUUID().toString(), now, expires));
        return new TokenPair(access, null, settings.accessTokenTtl().toSeconds(), client.clientId(), Role.SERVICE);
    }

    @Override
    @Transactional
    public void signOut(Caller caller, String refreshToken) {
        Instant now = clock.instant();
        if (caller.tokenId() != null) {
            revocations.revoke(caller.tokenId(), caller.tokenExpiresAt() == null
                    ? now.plus(settings.accessTokenTtl()) : caller.tokenExpiresAt());
        }
        if (refreshToken != null && !refreshToken.isBlank()) {
            refreshTokens.findByHash(Secrets.sha256(refreshToken.strip()))
                    .filter(t -> t.subject().equals(caller.id()))
                    .ifPresent(t -> refreshTokens.revokeFamily(t.familyId(), now));
        }
    }






}
