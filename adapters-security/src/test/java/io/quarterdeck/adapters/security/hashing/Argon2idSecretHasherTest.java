package io.quarterdeck.adapters.security.hashing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2idSecretHasherTest {
    private final Argon2idSecretHasher hasher = new Argon2idSecretHasher();

    @Test
    void a_hash_verifies_its_secret_only() {
        String hash = hasher.hash("qdk_abc_secret");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("qdk_abc_secret", hash));
        assertFalse(hasher.verify("qdk_abc_secreT", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void hashes_are_salted() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void a_known_vector_from_another_implementation_verifies() {
        // RFC 9106-style PHC string produced by the reference argon2 CLI:
        // echo -n password | argon2 somesalt -id -t 2 -k 65536 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(hasher.verify("password", reference));
        assertFalse(hasher.verify("passwore", reference));
    }

    @Test
    void malformed_or_hostile_hashes_are_refused_without_work() {
        assertFalse(hasher.verify("x", "plain"));
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaA"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$!!!$aGFzaA"));
        assertFalse(hasher.verify(null, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"));
    }
}
