package io.quarterdeck.adapters.security.keys;

import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.application.port.out.identity.SigningKeyRing;
import io.quarterdeck.application.port.out.identity.SigningKeyStore;
import io.quarterdeck.application.port.out.identity.StoredSigningKey;
import io.quarterdeck.domain.shared.ConflictException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The server's RS256 signing keys, kept in the database ({@link SigningKeyStore}) so that every instance on one
 * database signs and verifies with the same keys. Private halves are stored encrypted ({@link KeyEncryptionKey}). The
 * ring is read again every {@code quarterdeck.jwt.key-reload-seconds}, and at once (at most once a second) when a
 * token names a kid it does not know, so a rotation on another instance is honoured within seconds. The current key is
 * the newest one not retired; {@link #rotate()} adds a key and retires the older ones, which keep verifying until
 * every token they signed has expired. Each key's {@code kid} is its RFC 7638 thumbprint.
 * <p>With {@code quarterdeck.jwt.private-key-file} the ring is that one key: not stored, not rotatable.
 * <p>The key files of earlier versions ({@code <data-dir>/keys/keyring.properties} and {@code <kid>.pem}) are imported
 * into an empty database at the first start.
 */
@ApplicationScoped
public class JwtKeyRing implements SigningKeyRing {
    private static final Logger LOG = Logger.getLogger(JwtKeyRing.class.getName());
    private static final long UNKNOWN_KID_RELOAD_MILLIS = 1_000;
    private static final String LEGACY_STATE = "keyring.properties";

    private final SecuritySettings settings;
    private final IdentitySettings identity;
    private final Clock clock;
    private final SigningKeyStore store;
    private final ReentrantLock reloading = new ReentrantLock();

    /** A public key that verifies our tokens, and when it was retired (null while active); the current one first. */
    private record Verifier(JsonWebKey key, Instant retiredAt) {
    }

    /** What was read at {@code loadedAt}: the key to sign with and every key that may verify. */
    private record Ring(RsaJsonWebKey signing, Instant signingCreatedAt, List<Verifier> keys, Instant loadedAt) {
    }

    private volatile Ring ring;
    private volatile Instant lastUnknownKidReload = Instant.EPOCH;
    private KeyEncryptionKey kek;

    @Inject
    public JwtKeyRing(SecuritySettings settings, IdentitySettings identity, Clock clock, SigningKeyStore store) {
        this.settings = settings;
        this.identity = identity;
        this.clock = clock;
        this.store = store;
    }

    /** For CDI proxies only. */
    protected JwtKeyRing() {
        this.settings = null;
        this.identity = null;
        this.clock = null;
        this.store = null;
    }

    /**
     * Reads the ring at start, after the schema migration, so that a key-encryption key that does not fit the
     * stored keys stops the start with a message naming the setting. A database that is not there yet is not fatal:
     * the ring is read at first use.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) Startup startup) {
        try {
            current();
        } catch (KeyDecryptionException e) {
            LOG.severe(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The signing key ring could not be read at start; it is read at first use", e);
        }
    }

    @Override
    public boolean managedHere() {
        return settings.privateKeyFile().isEmpty();
    }

    /** The key new tokens are signed with. */
    public RsaJsonWebKey signingKey() {
        return current().signing();
    }

    /**
     * The public keys that verify our tokens now: the active ones, and retired ones whose last token may still be
     * valid (retired less than an access-token lifetime plus a minute of clock skew ago).
     */
    public List<JsonWebKey> verificationKeys() {
        return valid(current());
    }

    /**
     * The public key with this kid, if it verifies our tokens now. An unknown kid reads the ring again at once (at
     * most once a second), so a key that another instance has just made current is found.
     */
    public Optional<JsonWebKey> verificationKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Optional<JsonWebKey> found = find(current(), kid);
        if (found.isPresent() || !managedHere()) {
            return found;
        }
        Instant now = clock.instant();
        if (now.toEpochMilli() - lastUnknownKidReload.toEpochMilli() < UNKNOWN_KID_RELOAD_MILLIS) {
            return found;
        }
        reloading.lock();
        try {
            if (now.toEpochMilli() - lastUnknownKidReload.toEpochMilli() < UNKNOWN_KID_RELOAD_MILLIS) {
                return find(ring, kid);
            }
            lastUnknownKidReload = now;
            return find(reload(ring, now), kid);
        } finally {
            reloading.unlock();
        }
    }

    /** The JWKS document of {@link #verificationKeys()}. */
    @Override
    public String publicJwks() {
        return new JsonWebKeySet(verificationKeys()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** A new current key for every instance; the older keys keep verifying until their tokens have expired. */
    @Override
    public String rotate() {
        if (!managedHere()) {
            throw new IllegalStateException("the signing key is configured by " + SecuritySettings.PRIVATE_KEY_FILE);
        }
        reloading.lock();
        try {
            Ring before = current();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instant newest = before.signingCreatedAt();
            Instant created = now.isAfter(newest) ? now : newest.plusMillis(1);
            RsaJsonWebKey next = generate();
            store.insert(stored(next, created, null));
            store.retireActiveCreatedBefore(created, created);
            store.deleteRetiredBefore(now.minus(identity.accessTokenTtl()).minusSeconds(3600));
            Ring after = reload(before, clock.instant());
            if (!after.signing().getKeyId().equals(next.getKeyId())) {
                LOG.info("Another instance rotated the signing key at the same time; " + after.signing().getKeyId()
                        + " is current");
            }
            return after.signing().getKeyId();
        } finally {
            reloading.unlock();
        }
    }

    /** The ring, read again when it is older than the reload interval (by one thread; the others use the old one). */
    private Ring current() {
        Ring r = ring;
        Instant now = clock.instant();
        if (r != null && now.isBefore(r.loadedAt().plus(settings.keyReload()))) {
            return r;
        }
        if (r != null && !reloading.tryLock()) {
            return r;
        }
        if (r == null) {
            reloading.lock();
        }
        try {
            Ring again = ring;
            if (again != null && now.isBefore(again.loadedAt().plus(settings.keyReload()))) {
                return again;
            }
            return reload(again, now);
        } finally {
            reloading.unlock();
        }
    }

    /** Reads the ring; a failure with a ring already in hand keeps it (and says so) rather than failing requests. */
    private Ring reload(Ring previous, Instant now) {
        try {
            Ring loaded = load(previous, now);
            ring = loaded;
            return loaded;
        } catch (RuntimeException e) {
            if (previous == null) {
                throw e;
            }
            LOG.log(e instanceof KeyDecryptionException ? Level.SEVERE : Level.WARNING,
                    "The signing key ring could not be read again; signing with " + previous.signing().getKeyId(), e);
            Ring kept = new Ring(previous.signing(), previous.signingCreatedAt(), previous.keys(), now);
            ring = kept;
            return kept;
        }
    }

    private Ring load(Ring previous, Instant now) {
        if (!managedHere()) {
            RsaJsonWebKey key = previous != null ? previous.signing() : readKey(settings.privateKeyFile().get())
                    .orElseThrow(() -> new IllegalStateException(SecuritySettings.PRIVATE_KEY_FILE + ": no such file "
                            + settings.privateKeyFile().get()));
            return new Ring(key, Instant.EPOCH, List.of(new Verifier(publicOnly(key), null)), now);
        }
        List<StoredSigningKey> stored = store.all();
        if (stored.stream().noneMatch(StoredSigningKey::active)) {
            if (stored.isEmpty()) {
                importLegacyFiles(now);
            }
            if (store.all().stream().noneMatch(StoredSigningKey::active)) {
                RsaJsonWebKey first = generate();
                insertIgnoringDuplicate(stored(first, now.truncatedTo(ChronoUnit.MILLIS), null));
                LOG.info("Generated signing key " + first.getKeyId() + " and stored it (encrypted) in the database");
            }
            stored = store.all();
        }
        StoredSigningKey current = stored.stream().filter(StoredSigningKey::active)
                .max(Comparator.comparing(StoredSigningKey::createdAt).thenComparing(StoredSigningKey::kid))
                .orElseThrow(() -> new IllegalStateException("no active signing key after generating one"));
        RsaJsonWebKey signing = previous != null && previous.signing().getKeyId().equals(current.kid())
                ? previous.signing() : decrypt(current);
        List<Verifier> keys = new ArrayList<>();
        keys.add(new Verifier(publicOnly(signing), null));
        for (int i = stored.size() - 1; i >= 0; i--) {
            StoredSigningKey k = stored.get(i);
            if (!k.kid().equals(signing.getKeyId())) {
                keys.add(new Verifier(parsePublic(k), k.retiredAt()));
            }
        }
        return new Ring(signing, current.createdAt(), List.copyOf(keys), now);
    }

    private List<JsonWebKey> valid(Ring r) {
        Instant horizon = clock.instant().minus(identity.accessTokenTtl()).minusSeconds(60);
        List<JsonWebKey> out = new ArrayList<>();
        for (Verifier v : r.keys()) {
            if (v.retiredAt() == null || v.retiredAt().isAfter(horizon)) {
                out.add(v.key());
            }
        }
        return out;
    }

    private Optional<JsonWebKey> find(Ring r, String kid) {
        return valid(r).stream().filter(k -> kid.equals(k.getKeyId())).findFirst();
    }

    private synchronized KeyEncryptionKey kek() {
        if (kek == null) {
            kek = KeyEncryptionKey.of(settings);
        }
        return kek;
    }

    private StoredSigningKey stored(RsaJsonWebKey key, Instant createdAt, Instant retiredAt) {
        String publicJwk = publicOnly(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        return new StoredSigningKey(key.getKeyId(), publicJwk,
                kek().encrypt(key.getKeyId(), key.getPrivateKey().getEncoded()), createdAt, retiredAt);
    }

    private RsaJsonWebKey decrypt(StoredSigningKey stored) {
        byte[] pkcs8 = kek().decrypt(stored.kid(), stored.encryptedPrivateKey());
        try {
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            RsaJsonWebKey jwk = toJwk(publicOf(priv), priv);
            if (!jwk.getKeyId().equals(stored.kid())) {
                throw new IllegalStateException("the signing key stored as " + stored.kid() + " has another thumbprint");
            }
            return jwk;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the signing key " + stored.kid() + " is not an RSA private key", e);
        }
    }

    private static JsonWebKey parsePublic(StoredSigningKey stored) {
        try {
            JsonWebKey key = JsonWebKey.Factory.newJwk(stored.publicJwk());
            key.setKeyId(stored.kid());
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("the public key stored as " + stored.kid() + " is not a JWK", e);
        }
    }

    private void insertIgnoringDuplicate(StoredSigningKey key) {
        try {
            store.insert(key);
        } catch (ConflictException alreadyThere) {
            // Another instance imported or generated the same key first.
        }
    }

    /** The key files of earlier versions, into the database (once, when it holds no key at all). */
    private void importLegacyFiles(Instant now) {
        Path dir = settings.keysDirectory();
        Path state = dir.resolve(LEGACY_STATE);
        if (!Files.isRegularFile(state)) {
            return;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + state, e);
        }
        int imported = 0;
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("retired.")) {
                Instant retiredAt = Instant.parse(p.getProperty(name)).truncatedTo(ChronoUnit.MILLIS);
                Optional<RsaJsonWebKey> key = readKey(dir.resolve(name.substring("retired.".length()) + ".pem"));
                if (key.isPresent() && retiredAt.isAfter(now.minus(identity.accessTokenTtl()).minusSeconds(60))) {
                    insertIgnoringDuplicate(stored(key.get(), retiredAt, retiredAt));
                    imported++;
                }
            }
        }
        String currentKid = p.getProperty("current");
        Optional<RsaJsonWebKey> current = currentKid == null ? Optional.empty() : readKey(dir.resolve(currentKid + ".pem"));
        if (current.isPresent()) {
            insertIgnoringDuplicate(stored(current.get(), now.truncatedTo(ChronoUnit.MILLIS), null));
            imported++;
        }
        LOG.info("Imported " + imported + " signing key(s) from " + dir + " into the database; the .pem files and "
                + LEGACY_STATE + " there are no longer read");
    }

    private static RsaJsonWebKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            return toJwk((RSAPublicKey) pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 PEM file (a configured key or a legacy ring file). */
    private static Optional<RsaJsonWebKey> readKey(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return Optional.of(toJwk(publicOf(priv), priv));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM: " + file);
        }
    }

    private static RSAPublicKey publicOf(RSAPrivateCrtKey priv) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
    }

    private static RsaJsonWebKey toJwk(RSAPublicKey pub, PrivateKey priv) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(pub);
        jwk.setPrivateKey(priv);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }

    private static JsonWebKey publicOnly(RsaJsonWebKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
