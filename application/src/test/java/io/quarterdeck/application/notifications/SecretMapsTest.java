package io.quarterdeck.application.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMapsTest {
    @Test
    void roundTripsAndNeverEncodesToNothing() {
        Map<String, String> secrets = Map.of("secret", "a=b&c d;é", "password", "p");
        assertEquals(secrets, SecretMaps.decode(SecretMaps.encode(secrets)));
        assertFalse(SecretMaps.encode(Map.of()).isEmpty(), "an e-mail channel without a password seals something");
        assertEquals(Map.of(), SecretMaps.decode(SecretMaps.encode(Map.of())));
    }
}
