package io.quarterdeck.adapters.security.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.adapters.persistence.identity.JdbcSigningKeyStore;
import io.quarterdeck.adapters.security.SecuritySettings;
import io.quarterdeck.adapters.security.tokens.BearerTokenVerifier;
import io.quarterdeck.adapters.security.tokens.Jose4jAccessTokenIssuer;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.identity.AccessTokenClaims;
import io.quarterdeck.domain.identity.AuthenticationFailedException;
import io.quarterdeck.domain.identity.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one database: each is a key ring, an issuer and a verifier of its own (own data directory, same
 * configured key-encryption key), over the JDBC key store. A rotation on one is used by the other within the reload
 * interval, and a token the new key signed verifies on both at once.
 */
abstract class SharedKeyRingContract {
    private static final Duration RELOAD = Duration.ofSeconds(10);
    private static final AtomicInteger TOKENS = new AtomicInteger();

    @TempDir
    Path dataDirs;
    private final TestClock clock = new TestClock(Instant.now());
    private final IdentitySettings identity = IdentitySettings.defaults();
    private final String kek = Base64.getEncoder().encodeToString(filled(7));

    /** A server's share of the ring. */
    private record Instance(JwtKeyRing keys, Jose4jAccessTokenIssuer issuer, BearerTokenVerifier verifier) {
    }

    protected abstract DataSource database();

    @BeforeEach
    void emptyTheRing() throws SQLException {
        try (Connection c = database().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from signing_keys");
        }
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private Instance instance(String name, String keyEncryptionKey) {
        SecuritySettings settings = SecuritySettings.defaults(dataDirs.resolve(name)).withKeyEncryptionKey(keyEncryptionKey)
                .withKeyReload(RELOAD);
        JwtKeyRing keys = new JwtKeyRing(settings, identity, clock, new JdbcSigningKeyStore(database()));
        return new Instance(keys, new Jose4jAccessTokenIssuer(keys, settings), new BearerTokenVerifier(keys, settings, clock));
    }

    private static String token(Instance on) {
        Instant now = Instant.now();
        return on.issuer().issue(new AccessTokenClaims("u-1", "ada", Role.OPERATOR, "user", Set.of(),
                "jti-" + TOKENS.incrementAndGet(), now, now.plus(Duration.ofMinutes(15))));
    }

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void two_instances_sign_with_one_key_and_trust_each_others_tokens() {
        Instance a = instance("a", kek);
        Instance b = instance("b", kek);
        String first = a.keys().signingKey().getKeyId();
        assertEquals(first, b.keys().signingKey().getKeyId(), "the second instance reads the key the first stored");
        assertEquals(Role.OPERATOR, b.verifier().verifyToken(token(a)).caller().role());
        assertEquals(Role.OPERATOR, a.verifier().verifyToken(token(b)).caller().role());
    }

    @Test
    void a_rotation_on_one_instance_is_used_by_the_other_within_the_reload_interval() {
        Instance a = instance("a", kek);
        Instance b = instance("b", kek);
        Instance c = instance("c", kek);
        String old = b.keys().signingKey().getKeyId();
        assertEquals(old, c.keys().signingKey().getKeyId());
        String before = token(b);

        String rotated = a.keys().rotate();
        assertNotEquals(old, rotated);
        String signedByNewKey = token(a);
        assertEquals(rotated, kidOf(signedByNewKey));
        // The other instance has not read the ring again yet, and still verifies the new key's token at once.
        assertEquals(old, b.keys().signingKey().getKeyId());
        assertEquals(Role.OPERATOR, b.verifier().verifyToken(signedByNewKey).caller().role());
        assertEquals(Role.OPERATOR, a.verifier().verifyToken(signedByNewKey).caller().role());

        // An instance that has seen no token of the new key reads the ring again within the reload interval.
        clock.advance(RELOAD.minusSeconds(1));
        assertEquals(old, c.keys().signingKey().getKeyId());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(rotated, c.keys().signingKey().getKeyId(), "within the reload interval the other signs with it too");
        assertEquals(rotated, b.keys().signingKey().getKeyId());
        String signedOnB = token(b);
        assertEquals(rotated, kidOf(signedOnB));
        assertEquals(Role.OPERATOR, a.verifier().verifyToken(signedOnB).caller().role());
        // Tokens of the retired key keep verifying on both until they expire.
        assertEquals(Role.OPERATOR, a.verifier().verifyToken(before).caller().role());
        assertEquals(Role.OPERATOR, b.verifier().verifyToken(before).caller().role());
        assertEquals(2, b.keys().verificationKeys().size());

        clock.advance(identity.accessTokenTtl().plusMinutes(2));
        assertEquals(1, a.keys().verificationKeys().size());
        assertThrows(AuthenticationFailedException.class, () -> b.verifier().verifyToken(before));
    }

    @Test
    void an_instance_with_another_key_encryption_key_does_not_start() {
        Instance a = instance("a", kek);
        a.keys().signingKey();
        Instance stranger = instance("c", Base64.getEncoder().encodeToString(filled(9)));
        KeyDecryptionException e = assertThrows(KeyDecryptionException.class, () -> stranger.keys().signingKey());
        assertEquals(true, e.getMessage().contains(SecuritySettings.KEY_ENCRYPTION_KEY), e.getMessage());
    }
}
