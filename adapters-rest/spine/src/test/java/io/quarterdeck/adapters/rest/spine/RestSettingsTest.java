package io.quarterdeck.adapters.rest.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestSettingsTest {
    private static final RestSettings.RateLimits LIMITS = RestSettingsTestData.rateLimits(true, 10, 100, 1000, 1000);

    @Test
    void a_limit_of_zero_bytes_or_items_is_refused_naming_its_key() {
        assertEquals("quarterdeck.http.max-body-bytes must be more than 0, not 0", refused(
                () -> new RestSettings(List.of(), List.of(), 0, LIMITS, 1_048_576, 100, Duration.ofSeconds(300))));
        assertEquals("quarterdeck.errors.max-body-bytes must be more than 0, not -1", refused(
                () -> new RestSettings(List.of(), List.of(), 10_485_760, LIMITS, -1, 100, Duration.ofSeconds(300))));
        assertEquals("quarterdeck.errors.max-batch-items must be more than 0, not 0", refused(
                () -> new RestSettings(List.of(), List.of(), 10_485_760, LIMITS, 1_048_576, 0, Duration.ofSeconds(300))));
    }

    @Test
    void every_rate_limit_must_be_zero_or_more() {
        assertTrue(refused(() -> RestSettingsTestData.rateLimits(true, -1, 0, 0, 0))
                .startsWith("quarterdeck.rate-limit.auth-per-minute "));
        assertTrue(refused(() -> RestSettingsTestData.rateLimits(true, 0, -1, 0, 0))
                .startsWith("quarterdeck.rate-limit.anonymous-per-minute "));
        assertTrue(refused(() -> RestSettingsTestData.rateLimits(true, 0, 0, 0, -1))
                .startsWith("quarterdeck.rate-limit.ingest-per-minute "));
        assertEquals(0, RestSettingsTestData.rateLimits(false, 0, 0, 0, 0).callerPerMinute(), "0 is off, not wrong");
    }

    @Test
    void the_lists_are_copied_so_a_later_change_to_the_callers_list_does_not_reach_the_settings() {
        List<String> proxies = new ArrayList<>(List.of("10.0.0.0/8"));
        RestSettings s = new RestSettings(proxies, List.of("*"), 10_485_760, LIMITS, 1_048_576, 100, Duration.ofSeconds(300));
        proxies.add("not an address");
        assertEquals(List.of("10.0.0.0/8"), s.trustedProxies());
        assertThrows(UnsupportedOperationException.class, () -> s.corsOrigins().add("https://x.example"));
    }

    private static String refused(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }
}
