package io.quarterdeck.adapters.rest.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    @Test
    void only_listed_origins_are_allowed_whatever_their_spelling() {
        CorsPolicy p = policy("https://Ops.Example.com", "http://localhost:5173");
        assertTrue(p.allows("https://ops.example.com"));
        assertTrue(p.allows("https://ops.example.com:443"));
        assertTrue(p.allows("http://localhost:5173"));
        assertTrue(p.withCredentials("http://localhost:5173"));
        assertFalse(p.allows("http://localhost:3000"));
        assertFalse(p.allows("https://ops.example.com.evil.test"));
        assertFalse(p.allows("http://ops.example.com"), "scheme matters");
        assertFalse(p.allows("null"));
        assertFalse(p.allows(null));
    }

    @Test
    void nothing_is_allowed_until_configured() {
        CorsPolicy p = policy();
        assertFalse(p.allows("http://localhost:5173"));
    }

    @Test
    void a_star_allows_any_origin_but_never_with_credentials() {
        CorsPolicy p = policy("*");
        assertTrue(p.allows("https://anything.example"));
        assertFalse(p.withCredentials("https://anything.example"));
        CorsPolicy mixed = policy("*", "https://ops.example.com");
        assertTrue(mixed.withCredentials("https://ops.example.com"));
        assertFalse(mixed.withCredentials("https://other.example"));
    }

    @Test
    void a_configured_value_that_is_not_an_origin_stops_the_start() {
        for (String bad : new String[] {"ops.example.com", "https://ops.example.com/app", "ftp://ops.example.com"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RestSettingsTestData.withCorsOrigins(bad));
            assertTrue(e.getMessage().startsWith("quarterdeck.cors.origins: "), e.getMessage());
        }
        assertNull(CorsPolicy.normalize("https://user@ops.example.com"));
        assertEquals("http://h:8080", CorsPolicy.normalize("HTTP://H:8080/"));
    }

    private static CorsPolicy policy(String... origins) {
        return new CorsPolicy(RestSettingsTestData.withCorsOrigins(origins));
    }
}
