package io.quarterdeck.adapters.rest.spine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** REST settings for tests: the documented defaults, with the one value a test is about changed. */
public final class RestSettingsTestData {
    private RestSettingsTestData() {
    }

    public static RestSettings defaults() {
        return new RestSettings(List.of(), List.of(), 10_485_760L, rateLimits(true, 10, 100, 1000, 1000), 1_048_576,
                100, Duration.ofSeconds(300));
    }

    public static RestSettings.RateLimits rateLimits(boolean enabled, long auth, long anonymous, long caller,
                                                     long ingest) {
        return new RestSettings.RateLimits(enabled, auth, anonymous, caller, ingest);
    }

    public static RestSettings withTrustedProxies(String... entries) {
        RestSettings d = defaults();
        return new RestSettings(Arrays.asList(entries), d.corsOrigins(), d.maxBodyBytes(), d.rateLimits(),
                d.errorsMaxBodyBytes(), d.errorsMaxBatchItems(), d.socketIdleTimeout());
    }

    public static RestSettings withCorsOrigins(String... origins) {
        RestSettings d = defaults();
        return new RestSettings(d.trustedProxies(), Arrays.asList(origins), d.maxBodyBytes(), d.rateLimits(),
                d.errorsMaxBodyBytes(), d.errorsMaxBatchItems(), d.socketIdleTimeout());
    }
}
