package io.quarterdeck.application.identity;

import io.quarterdeck.application.port.in.identity.IdentitySettings;

import io.quarterdeck.application.port.in.identity.TokenRevocationUseCase;
import io.quarterdeck.application.port.out.identity.RefreshTokenRepository;
import io.quarterdeck.application.port.out.identity.RevocationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocation list, persistent and held in memory: every authenticated request asks it, so the check is two
 * map look-ups. Revocations here are written through; other instances' are picked up by {@link #reload()}, which
 * also deletes entries whose tokens have expired anyway.
 */
@ApplicationScoped
public class TokenRevocationService implements TokenRevocationUseCase {
    /** How long a refresh token row is kept after it expired. */
    static final java.time.Duration REFRESH_TOKEN_GRACE = java.time.Duration.ofDays(1);
    private final RevocationStore store;
    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;
    private final IdentitySettings settings;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<String, Instant> cutOffs = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    @Inject
    public TokenRevocationService(RevocationStore store, RefreshTokenRepository refreshTokens, Clock clock,
                                  IdentitySettings settings) {
        this.store = store;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.settings = settings;
    }

    /** For CDI proxies only. */
    protected TokenRevocationService() {
        this(null, null, null, null);
    }

    @Override
    public boolean isRevoked(String jti, String subject, Instant issuedAt) {
        if (!loaded) {
            reload();
        }
        if (jti != null && revoked.containsKey(jti)) {
            return true;
        }
        Instant cutOff = subject == null ? null : cutOffs.get(subject);
        return cutOff != null && (issuedAt == null || issuedAt.isBefore(cutOff));
    }

    /** Refuses one access token until it would have expired. */
    @Transactional
    public void revoke(String jti, Instant expiresAt) {
        store.revokeToken(jti, expiresAt);
        revoked.put(jti, expiresAt);
    }

    /** Refuses every access token of {@code subject} issued before {@code at} (to the second, as tokens say). */
    @Transactional
    public void cutOff(String subject, Instant at) {
        Instant notBefore = at.truncatedTo(ChronoUnit.SECONDS);
        store.cutOffSubject(subject, notBefore, at.plus(settings.accessTokenTtl()).plusSeconds(60));
        cutOffs.merge(subject, notBefore, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    @Transactional
    public void reload() {
        Instant now = clock.instant();
        store.deleteExpired(now);
        Map<String, Instant> tokens = store.revokedTokens(now);
        Map<String, Instant> subjects = store.subjectCutOffs(now);
        revoked.putAll(tokens);
        cutOffs.putAll(subjects);
        // Entries are dropped from memory by their own expiry, never by absence from the snapshot: a revocation
        // written while the snapshot was read must not be forgotten.
        revoked.values().removeIf(expires -> !now.isBefore(expires));
        Instant oldestUseful = now.minus(settings.accessTokenTtl()).minusSeconds(60);
        cutOffs.values().removeIf(notBefore -> notBefore.isBefore(oldestUseful));
        loaded = true;
    }

    @Override
    @Transactional
    public long purgeExpired() {
        Instant now = clock.instant();
        store.deleteExpired(now);
        return refreshTokens.deleteExpiredBefore(now.minus(REFRESH_TOKEN_GRACE));
    }
}
