package io.quarterdeck.application.testing;

import io.quarterdeck.domain.identity.AuditPage;
import io.quarterdeck.domain.identity.AccessTokenClaims;
import io.quarterdeck.application.port.out.identity.AccessTokenIssuer;
import io.quarterdeck.application.port.out.identity.AuditLog;
import io.quarterdeck.application.port.out.identity.InvitationRepository;
import io.quarterdeck.application.port.out.identity.RefreshTokenRepository;
import io.quarterdeck.application.port.out.identity.RevocationStore;
import io.quarterdeck.application.port.out.identity.SecretHasher;
import io.quarterdeck.application.port.out.identity.ServiceClientRepository;
import io.quarterdeck.application.port.out.identity.UserRepository;
import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.AuditRecord;
import io.quarterdeck.domain.identity.Invitation;
import io.quarterdeck.domain.identity.RefreshToken;
import io.quarterdeck.domain.identity.ServiceClient;
import io.quarterdeck.domain.identity.User;
import io.quarterdeck.domain.shared.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The identity out-ports in memory, with the same guarantees the JPA adapters give where services rely on them
 * (unique usernames, spend-once refresh tokens and invitations). Each test builds its own.
 */
public final class InMemoryIdentityStores {
    public final Users users = new Users();
    public final RefreshTokens refreshTokens = new RefreshTokens();
    public final Revocations revocations = new Revocations();
    public final Clients clients = new Clients();
    public final Invitations invitations = new Invitations();
    public final Audit audit = new Audit();
    public final RecordingIssuer issuer = new RecordingIssuer();

    /** Users by id; usernames and e-mails unique as the table's constraints make them. */
    public static final class Users implements UserRepository {
        private final Map<String, User> byId = new ConcurrentHashMap<>();

        @Override
        public synchronized void insert(User user) {
            if (findByUsername(user.username()).isPresent()) {
                throw new ConflictException("username", "This username is taken");
            }
            if (user.email() != null && findByEmail(user.email()).isPresent()) {
                throw new ConflictException("email", "A member with this e-mail already exists");
            }
            byId.put(user.id(), user);
        }

        @Override
        public void update(User user) {
            if (byId.replace(user.id(), user) == null) {
                throw new IllegalStateException("no user " + user.id());
            }
        }

        @Override
        public Optional<User> findById(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<User> findByUsername(String username) {
            return byId.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return byId.values().stream().filter(u -> email.equalsIgnoreCase(u.email())).findFirst();
        }

        @Override
        public List<User> list() {
            return byId.values().stream().sorted(Comparator.comparing(User::createdAt)).toList();
        }

        @Override
        public long count() {
            return byId.size();
        }
    }

    /** Refresh tokens by id. */
    public static final class RefreshTokens implements RefreshTokenRepository {
        private final Map<String, RefreshToken> byId = new ConcurrentHashMap<>();

        @Override
        public void insert(RefreshToken token) {
            byId.put(token.id(), token);
        }

        @Override
        public Optional<RefreshToken> findByHash(String tokenHash) {
            return byId.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
        }

        @Override
        public synchronized boolean markUsed(String id, Instant at) {
            RefreshToken t = byId.get(id);
            if (t == null || t.usedAt() != null || t.revokedAt() != null) {
                return false;
            }
            byId.put(id, new RefreshToken(t.id(), t.familyId(), t.subject(), t.tokenHash(), t.issuedAt(), t.expiresAt(),
                    at, null));
            return true;
        }

        @Override
        public synchronized int revokeFamily(String familyId, Instant at) {
            return revokeWhere(t -> t.familyId().equals(familyId), at);
        }

        @Override
        public synchronized int revokeSubject(String subject, Instant at) {
            return revokeWhere(t -> t.subject().equals(subject), at);
        }

        private int revokeWhere(java.util.function.Predicate<RefreshToken> which, Instant at) {
            int n = 0;
            for (RefreshToken t : List.copyOf(byId.values())) {
                if (which.test(t) && t.revokedAt() == null) {
                    byId.put(t.id(), new RefreshToken(t.id(), t.familyId(), t.subject(), t.tokenHash(), t.issuedAt(),
                            t.expiresAt(), t.usedAt(), at));
                    n++;
                }
            }
            return n;
        }

        @Override
        public long deleteExpiredBefore(Instant cutoff) {
            int before = byId.size();
            byId.values().removeIf(t -> t.expiresAt().isBefore(cutoff));
            return before - byId.size();
        }

        public List<RefreshToken> all() {
            return List.copyOf(byId.values());
        }
    }

    /** The revocation list. */
    public static final class Revocations implements RevocationStore {
        final Map<String, Instant> tokens = new ConcurrentHashMap<>();
        final Map<String, Instant[]> subjects = new ConcurrentHashMap<>();

        @Override
        public void revokeToken(String jti, Instant expiresAt) {
            tokens.put(jti, expiresAt);
        }

        @Override
        public void cutOffSubject(String subject, Instant notBefore, Instant keepUntil) {
            subjects.put(subject, new Instant[] {notBefore, keepUntil});
        }

        @Override
        public Map<String, Instant> revokedTokens(Instant now) {
            Map<String, Instant> out = new HashMap<>();
            tokens.forEach((k, v) -> {
                if (v.isAfter(now)) {
                    out.put(k, v);
                }
            });
            return out;
        }

        @Override
        public Map<String, Instant> subjectCutOffs(Instant now) {
            Map<String, Instant> out = new HashMap<>();
            subjects.forEach((k, v) -> {
                if (v[1].isAfter(now)) {
                    out.put(k, v[0]);
                }
            });
            return out;
        }

        @Override
        public long deleteExpired(Instant now) {
            int before = tokens.size() + subjects.size();
            tokens.values().removeIf(v -> !v.isAfter(now));
            subjects.values().removeIf(v -> !v[1].isAfter(now));
            return before - tokens.size() - subjects.size();
        }

        public int size() {
            return tokens.size() + subjects.size();
        }
    }

    /** Service clients by id. */
    public static final class Clients implements ServiceClientRepository {
        private final Map<String, ServiceClient> byId = new ConcurrentHashMap<>();

        @Override
        public void insert(ServiceClient client) {
            byId.put(client.clientId(), client);
        }

        @Override
        public void update(ServiceClient client) {
            byId.put(client.clientId(), client);
        }

        @Override
        public Optional<ServiceClient> findById(String clientId) {
            return Optional.ofNullable(byId.get(clientId));
        }

        @Override
        public List<ServiceClient> list() {
            return List.copyOf(byId.values());
        }
    }

    /** Invitations by id. */
    public static final class Invitations implements InvitationRepository {
        private final Map<String, Invitation> byId = new ConcurrentHashMap<>();

        @Override
        public void insert(Invitation invitation) {
            byId.put(invitation.id(), invitation);
        }

        @Override
        public Optional<Invitation> findByTokenHash(String tokenHash) {
            return byId.values().stream().filter(i -> i.tokenHash().equals(tokenHash)).findFirst();
        }

        @Override
        public synchronized boolean markAccepted(String id, Instant at) {
            Invitation i = byId.get(id);
            if (i == null || i.acceptedAt() != null) {
                return false;
            }
            byId.put(id, new Invitation(i.id(), i.email(), i.role(), i.tokenHash(), i.invitedBy(), i.createdAt(),
                    i.expiresAt(), at));
            return true;
        }

        @Override
        public List<Invitation> listOpen(Instant now) {
            return byId.values().stream().filter(i -> i.openAt(now)).toList();
        }
    }

    /** The audit log as a list. */
    public static final class Audit implements AuditLog {
        public final List<AuditRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void append(AuditRecord record) {
            records.add(record);
        }

        @Override
        public AuditPage query(AuditQuery q) {
            List<AuditRecord> hits = new ArrayList<>(records.stream()
                    .filter(r -> q.actor() == null || r.actor().equals(q.actor()))
                    .filter(r -> q.action() == null || r.action().startsWith(q.action()))
                    .filter(r -> q.from() == null || !r.at().isBefore(q.from()))
                    .filter(r -> q.to() == null || !r.at().isAfter(q.to())).toList());
            hits.sort(Comparator.comparing(AuditRecord::at).reversed());
            int from = Math.min(hits.size(), (q.page() - 1) * q.limit());
            return new AuditPage(hits.subList(from, Math.min(hits.size(), from + q.limit())), hits.size());
        }
    }

    /** Remembers what it was asked to sign and answers with a token naming the jti (the signature is the adapter's job). */
    public static final class RecordingIssuer implements AccessTokenIssuer {
        public final List<AccessTokenClaims> issued = new CopyOnWriteArrayList<>();

        @Override
        public String issue(AccessTokenClaims claims) {
            issued.add(claims);
            return "access:" + claims.jti();
        }

        public AccessTokenClaims last() {
            return issued.get(issued.size() - 1);
        }
    }

    /** SHA-256 with a marker instead of Argon2id: the services' logic, not the hash's cost, is under test here. */
    public static final class QuickHasher implements SecretHasher {
        @Override
        public String hash(String secret) {
            return "sha256:" + digest(secret);
        }

        @Override
        public boolean verify(String secret, String encodedHash) {
            return secret != null && encodedHash != null && encodedHash.equals("sha256:" + digest(secret));
        }

        private static String digest(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
