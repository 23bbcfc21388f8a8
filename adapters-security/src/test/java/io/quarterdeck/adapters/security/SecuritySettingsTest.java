package io.quarterdeck.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.identity.GroupRoleMapping;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {
    private final SecuritySettings defaults = SecuritySettings.defaults(Path.of("/var/lib/quarterdeck"));

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void the_defaults_need_nothing_but_the_data_directory() {
        assertEquals("quarterdeck", defaults.issuer());
        assertEquals(Path.of("/var/lib/quarterdeck/keys"), defaults.keysDirectory());
        assertEquals(Duration.ofSeconds(10), defaults.keyReload());
        assertEquals(Duration.ofMinutes(5), defaults.jwksMaxCache());
        assertEquals(Optional.empty(), defaults.oidcIssuer());
    }

    @Test
    void an_issuer_without_its_jwks_is_refused_naming_both_keys() {
        String message = refusal(() -> new SecuritySettings("quarterdeck", Optional.empty(), Optional.empty(),
                Path.of("k"), Duration.ofSeconds(10), Optional.of("https://idp.example"), Optional.empty(),
                Optional.empty(), "groups", new GroupRoleMapping(Map.of()), Duration.ofMinutes(5)));
        assertTrue(message.contains("quarterdeck.oidc.issuer") && message.contains("quarterdeck.oidc.jwks-url"), message);
        assertTrue(refusal(() -> defaults.withOidc("https://idp.example", URI.create("file:///etc/passwd"),
                Optional.empty(), "groups", new GroupRoleMapping(Map.of()))).contains("quarterdeck.oidc.jwks-url"));
    }

    @Test
    void durations_outside_their_range_are_refused_naming_the_key() {
        assertTrue(refusal(() -> defaults.withKeyReload(Duration.ZERO)).contains("quarterdeck.jwt.key-reload-seconds"));
        assertTrue(refusal(() -> defaults.withJwksMaxCache(Duration.ofDays(2)))
                .contains("quarterdeck.oidc.jwks-max-cache-seconds"));
        assertEquals(Duration.ofSeconds(1), defaults.withJwksMaxCache(Duration.ofSeconds(1)).jwksMaxCache());
    }

    @Test
    void a_key_encryption_key_must_be_32_bytes_and_is_never_printed() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        String message = refusal(() -> defaults.withKeyEncryptionKey(sixteen));
        assertTrue(message.contains("quarterdeck.jwt.key-encryption-key") && message.contains("32 bytes"), message);
        assertFalse(message.contains(sixteen));
        assertTrue(refusal(() -> defaults.withKeyEncryptionKey("not base64!")).contains("not base64"));
        String good = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        SecuritySettings configured = defaults.withKeyEncryptionKey(good);
        assertFalse(configured.toString().contains(good), configured.toString());
        assertFalse(configured.toString().contains(good.substring(0, 12)));
    }
}
