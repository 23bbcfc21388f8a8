package io.quarterdeck.adapters.security;

import io.quarterdeck.domain.identity.GroupRoleMapping;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the security adapter is configured with, checked once at start.
 *
 * @param issuer             {@code quarterdeck.jwt.issuer}: the {@code iss} of the tokens this server signs
 * @param privateKeyFile     {@code quarterdeck.jwt.private-key-file}: a PKCS#8 PEM to sign with instead of the
 *                           key ring in the database (not stored, not rotatable)
 * @param keyEncryptionKey   {@code quarterdeck.jwt.key-encryption-key}: base64 of 32 bytes; encrypts the private
 *                           keys stored in the database. Without it, one is generated once into
 *                           {@code <data-dir>/keys/kek} (then every instance on one database needs the same file)
 * @param keysDirectory      {@code <data-dir>/keys}: the generated key-encryption key, and the key files of earlier
 *                           versions (imported into the database at the first start)
 * @param keyReload          {@code quarterdeck.jwt.key-reload-seconds}: how often the ring is read again, so a
 *                           rotation on another instance is honoured
 * @param oidcIssuer         {@code quarterdeck.oidc.issuer}: an external issuer whose tokens are accepted
 * @param oidcJwksUrl        {@code quarterdeck.oidc.jwks-url}: its JWKS (required with the issuer)
 * @param oidcAudience       {@code quarterdeck.oidc.audience}: the {@code aud} its tokens must carry (unchecked
 *                           when absent)
 * @param oidcRolesClaim     {@code quarterdeck.oidc.roles-claim}: the claim that lists a person's groups
 * @param oidcRoleMap        {@code quarterdeck.oidc.role-map}: issuer group to role
 * @param jwksMaxCache       {@code quarterdeck.oidc.jwks-max-cache-seconds}: the longest the issuer's JWKS is
 *                           trusted without fetching it again, whatever its cache headers say
 */
public record SecuritySettings(String issuer, Optional<Path> privateKeyFile, Optional<String> keyEncryptionKey,
                               Path keysDirectory, Duration keyReload, Optional<String> oidcIssuer,
                               Optional<URI> oidcJwksUrl, Optional<String> oidcAudience, String oidcRolesClaim,
                               GroupRoleMapping oidcRoleMap, Duration jwksMaxCache) {
    public static final String KEY_ENCRYPTION_KEY = "quarterdeck.jwt.key-encryption-key";
    public static final String PRIVATE_KEY_FILE = "quarterdeck.jwt.private-key-file";

    public SecuritySettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("quarterdeck.jwt.issuer must not be blank");
        }
        privateKeyFile = Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        keyEncryptionKey = Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey").filter(k -> !k.isBlank());
        keyEncryptionKey.ifPresent(SecuritySettings::decodeKeyEncryptionKey);
        Objects.requireNonNull(keysDirectory, "keysDirectory");
        requireWithin("quarterdeck.jwt.key-reload-seconds", keyReload, Duration.ofHours(1));
        oidcIssuer = Objects.requireNonNull(oidcIssuer, "oidcIssuer").filter(s -> !s.isBlank());
        oidcJwksUrl = Objects.requireNonNull(oidcJwksUrl, "oidcJwksUrl");
        oidcAudience = Objects.requireNonNull(oidcAudience, "oidcAudience").filter(s -> !s.isBlank());
        if (oidcIssuer.isPresent() && oidcJwksUrl.isEmpty()) {
            throw new IllegalArgumentException("quarterdeck.oidc.issuer is set: quarterdeck.oidc.jwks-url must be set too");
        }
        oidcJwksUrl.ifPresent(u -> {
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("quarterdeck.oidc.jwks-url must be an http(s) URL");
            }
        });
        if (oidcRolesClaim == null || oidcRolesClaim.isBlank()) {
            throw new IllegalArgumentException("quarterdeck.oidc.roles-claim must not be blank");
        }
        Objects.requireNonNull(oidcRoleMap, "oidcRoleMap");
        requireWithin("quarterdeck.oidc.jwks-max-cache-seconds", jwksMaxCache, Duration.ofDays(1));
    }

    /** The settings of a server with nothing configured but its data directory (no external issuer). */
    public static SecuritySettings defaults(Path dataDirectory) {
        return new SecuritySettings("quarterdeck", Optional.empty(), Optional.empty(), dataDirectory.resolve("keys"),
                Duration.ofSeconds(10), Optional.empty(), Optional.empty(), Optional.empty(), "groups",
                new GroupRoleMapping(Map.of()), Duration.ofMinutes(5));
    }

    /** These settings with an external OIDC issuer. */
    public SecuritySettings withOidc(String issuer, URI jwksUrl, Optional<String> audience, String rolesClaim,
                                     GroupRoleMapping roleMap) {
        return new SecuritySettings(this.issuer, privateKeyFile, keyEncryptionKey, keysDirectory, keyReload,
                Optional.of(issuer), Optional.of(jwksUrl), audience, rolesClaim, roleMap, jwksMaxCache);
    }

    public SecuritySettings withJwksMaxCache(Duration maxCache) {
        return new SecuritySettings(issuer, privateKeyFile, keyEncryptionKey, keysDirectory, keyReload, oidcIssuer,
                oidcJwksUrl, oidcAudience, oidcRolesClaim, oidcRoleMap, maxCache);
    }

    public SecuritySettings withPrivateKeyFile(Path file) {
        return new SecuritySettings(issuer, Optional.of(file), keyEncryptionKey, keysDirectory, keyReload, oidcIssuer,
                oidcJwksUrl, oidcAudience, oidcRolesClaim, oidcRoleMap, jwksMaxCache);
    }

    public SecuritySettings withKeyEncryptionKey(String base64) {
        return new SecuritySettings(issuer, privateKeyFile, Optional.of(base64), keysDirectory, keyReload, oidcIssuer,
                oidcJwksUrl, oidcAudience, oidcRolesClaim, oidcRoleMap, jwksMaxCache);
    }

    public SecuritySettings withKeyReload(Duration reload) {
        return new SecuritySettings(issuer, privateKeyFile, keyEncryptionKey, keysDirectory, reload, oidcIssuer,
                oidcJwksUrl, oidcAudience, oidcRolesClaim, oidcRoleMap, jwksMaxCache);
    }

    /** The 32 bytes of a configured key-encryption key, or an error naming the setting (never its value). */
    public static byte[] decodeKeyEncryptionKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_ENCRYPTION_KEY + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(KEY_ENCRYPTION_KEY + " must be base64 of 32 bytes, not " + key.length);
        }
        return key;
    }

    private static void requireWithin(String key, Duration value, Duration max) {
        if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be between 1 and " + max.toSeconds() + " seconds");
        }
    }

    /** Never prints the key-encryption key. */
    @Override
    public String toString() {
        return "SecuritySettings[issuer=" + issuer + ", privateKeyFile=" + privateKeyFile + ", keyEncryptionKey="
                + keyEncryptionKey.map(k -> "(set)").orElse("(data directory)") + ", keysDirectory=" + keysDirectory
                + ", keyReload=" + keyReload + ", oidcIssuer=" + oidcIssuer + ", oidcJwksUrl=" + oidcJwksUrl
                + ", oidcAudience=" + oidcAudience + ", oidcRolesClaim=" + oidcRolesClaim + ", oidcRoleMap="
                + oidcRoleMap + ", jwksMaxCache=" + jwksMaxCache + "]";
    }
}
