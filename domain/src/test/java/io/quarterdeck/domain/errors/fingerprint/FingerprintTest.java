package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdeF0123456789abcdef",
        "0123456789abcdeg0123456789abcdef",
        "0123456789abcdef 123456789abcdef",
        "0123456789abcdef-123456789abcdef",
        "０123456789abcdef0123456789abcdef"})
    void rejects_anything_but_32_lowercase_hex_characters(String value) {
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "00000000000000000000000000000000",
        "ffffffffffffffffffffffffffffffff"})
    void accepts_32_lowercase_hex_characters(String value) {
        assertEquals(value, new Fingerprint(value).value());
        assertEquals(value, new Fingerprint(value).toString());
    }

    @Test
    void equal_values_are_equal_fingerprints() {
        assertEquals(new Fingerprint("0123456789abcdef0123456789abcdef"),
                new Fingerprint("0123456789abcdef0123456789abcdef"));
    }
}
