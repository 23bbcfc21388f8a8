package io.quarterdeck.adapters.security.keys;

import io.quarterdeck.application.port.out.identity.SigningKeyRing;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The server's RS256 signing keys. The first start generates a 2048-bit key in {@code <data-dir>/keys} (owner-only),
 * unless {@code quarterdeck.jwt.private-key-file} names a PEM (PKCS#8) to use. Each key's {@code kid} is its RFC 7638
 * thumbprint. {@link #rotate()} makes a new key current and keeps the old one verifying until every token it signed
 * has expired; the public halves are served as a JWKS.
 */
@ApplicationScoped
public class JwtKeyRing implements SigningKeyRing {
    private static final String STATE = "keyring.properties";

    @Inject
    @ConfigProperty(name = "quarterdeck.data-dir")
    Optional<String> dataDir;
    @Inject
    @ConfigProperty(name = "quarterdeck.jwt.private-key-file")
    Optional<String> configuredKeyFile;
    @Inject
    IdentitySettings settings;
    @Inject
    Clock clock;

    private record Entry(RsaJsonWebKey key, Instant retiredAt) {
    }

    private volatile Entry current;
    private volatile List<Entry> retired = List.of();

    public JwtKeyRing() {
    }

    /** For tests outside a container. */
    public JwtKeyRing(Path dataDir, Optional<String> keyFile, IdentitySettings settings, Clock clock) {
        this.dataDir = Optional.of(dataDir.toString());
        this.configuredKeyFile = keyFile;
        this.settings = settings;
        this.clock = clock;
        load();
    }

    @PostConstruct
    synchronized void load() {
        Path dir = keysDirectory();
        Properties state = readState(dir);
        List<Entry> old = new ArrayList<>();
        for (String name : state.stringPropertyNames()) {
            if (name.startsWith("retired.")) {
                String kid = name.substring("retired.".length());
                readKey(dir.resolve(kid + ".pem")).ifPresent(k -> old.add(new Entry(k, Instant.parse(state.getProperty(name)))));
            }
        }
        RsaJsonWebKey key;
        if (configuredKeyFile.isPresent() && !configuredKeyFile.get().isBlank()) {
            key = readKey(Path.of(configuredKeyFile.get())).orElseThrow(() -> new IllegalStateException(
                    "quarterdeck.jwt.private-key-file: no such file " + configuredKeyFile.get()));
        } else {
            String kid = state.getProperty("current");
            key = kid == null ? null : readKey(dir.resolve(kid + ".pem")).orElse(null);
            if (key == null) {
                key = generate(dir);
                state.setProperty("current", key.getKeyId());
                writeState(dir, state);
            }
        }
        current = new Entry(key, null);
        retired = List.copyOf(old);
    }

    @Override
    public boolean managedHere() {
        return configuredKeyFile.isEmpty() || configuredKeyFile.get().isBlank();
    }

    public RsaJsonWebKey signingKey() {
        return current.key();
    }

    /**
     * The public keys that verify our tokens now: the current one, and retired ones whose last token may still be
     * valid (retired less than an access-token lifetime plus a minute of clock skew ago).
     */
    public List<JsonWebKey> verificationKeys() {
        Instant horizon = clock.instant().minus(settings.accessTokenTtl()).minusSeconds(60);
        List<JsonWebKey> keys = new ArrayList<>();
        keys.add(publicOnly(current.key()));
        for (Entry e : retired) {
            if (e.retiredAt().isAfter(horizon)) {
                keys.add(publicOnly(e.key()));
            }
        }
        return keys;
    }

    /** The JWKS document of {@link #verificationKeys()}. */
    @Override
    public String publicJwks() {
        return new JsonWebKeySet(verificationKeys()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** A new current key; the old one keeps verifying until its tokens have expired. Returns the new kid. */
    @Override
    public synchronized String rotate() {
        if (!managedHere()) {
            throw new IllegalStateException("the signing key is configured by quarterdeck.jwt.private-key-file");
        }
        Path dir = keysDirectory();
        Properties state = readState(dir);
        RsaJsonWebKey next = generate(dir);
        Instant now = clock.instant();
        state.setProperty("retired." + current.key().getKeyId(), now.toString());
        state.setProperty("current", next.getKeyId());
        Instant forget = now.minus(settings.accessTokenTtl()).minusSeconds(3600);
        List<Entry> kept = new ArrayList<>();
        for (Entry e : retired) {
            if (e.retiredAt().isAfter(forget)) {
                kept.add(e);
            } else {
                state.remove("retired." + e.key().getKeyId());
            }
        }
        kept.add(new Entry(current.key(), now));
        writeState(dir, state);
        retired = List.copyOf(kept);
        current = new Entry(next, null);
        return next.getKeyId();
    }

    private Path keysDirectory() {
        return Path.of(dataDir.orElse(System.getProperty("user.home") + "/.quarterdeck")).resolve("keys");
    }

    private static RsaJsonWebKey generate(Path dir) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RsaJsonWebKey jwk = toJwk((RSAPublicKey) pair.getPublic(), pair.getPrivate());
            Files.createDirectories(dir);
            Path file = dir.resolve(jwk.getKeyId() + ".pem");
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            writeOwnerOnly(file, pem);
            return jwk;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a signing key under " + dir, e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<RsaJsonWebKey> readKey(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey priv = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) priv;
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return Optional.of(toJwk(pub, priv));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + file, e);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM: " + file, e);
        }
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
            Map<String, Object> params = new LinkedHashMap<>(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            return JsonWebKey.Factory.newJwk(params);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties readState(Path dir) {
        Properties p = new Properties();
        Path file = dir.resolve(STATE);
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private static void writeState(Path dir, Properties state) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(STATE + ".tmp");
            java.io.StringWriter text = new java.io.StringWriter();
            state.store(text, "Quarterdeck signing keys: the current kid, and when each retired key was retired");
            writeOwnerOnly(tmp, text.toString());
            Files.move(tmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(STATE), e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
