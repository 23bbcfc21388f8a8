package io.quarterdeck.adapters.rest.spine;

import java.util.List;
import java.util.Objects;

/**
 * What the REST adapters are configured with, read once at start by the composition root and validated here, so a
 * bad value stops the start with the key's name instead of failing a request later.
 *
 * @param trustedProxies      {@code quarterdeck.http.trusted-proxies}: addresses or CIDR blocks whose
 *                            {@code X-Forwarded-For} is believed
 * @param corsOrigins         {@code quarterdeck.cors.origins}: browser origins ({@code scheme://host[:port]}) or
 *                            {@code *}
 * @param maxBodyBytes        {@code quarterdeck.http.max-body-bytes}: the largest request body on any endpoint
 * @param rateLimits          the {@code quarterdeck.rate-limit.*} keys
 * @param errorsMaxBodyBytes  {@code quarterdeck.errors.max-body-bytes}: the largest {@code POST /api/errors} body
 * @param errorsMaxBatchItems {@code quarterdeck.errors.max-batch-items}: the most reports in one posted array
 * @param socketIdleTimeout   {@code quarterdeck.ws.idle-timeout-seconds}: a WebSocket with no traffic this long is
 *                            closed (zero: never)
 */
public record RestSettings(List<String> trustedProxies, List<String> corsOrigins, long maxBodyBytes,
                           RateLimits rateLimits, int errorsMaxBodyBytes, int errorsMaxBatchItems,
                           java.time.Duration socketIdleTimeout) {
    public RestSettings {
        trustedProxies = List.copyOf(trustedProxies);
        corsOrigins = List.copyOf(corsOrigins);
        ClientAddressResolver.parse(trustedProxies);
        for (String origin : corsOrigins) {
            if (!origin.equals("*") && CorsPolicy.normalize(origin) == null) {
                throw new IllegalArgumentException(
                        "quarterdeck.cors.origins: not an origin (scheme://host[:port]): " + origin);
            }
        }
        positive("quarterdeck.http.max-body-bytes", maxBodyBytes);
        Objects.requireNonNull(rateLimits, "rateLimits");
        positive("quarterdeck.errors.max-body-bytes", errorsMaxBodyBytes);
        positive("quarterdeck.errors.max-batch-items", errorsMaxBatchItems);
        if (socketIdleTimeout == null || socketIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("quarterdeck.ws.idle-timeout-seconds must be 0 (never) or more");
        }
    }

    /**
     * Requests per minute for each limit; 0 turns one limit off, {@code enabled = false} all of them.
     *
     * @param enabled            {@code quarterdeck.rate-limit.enabled}
     * @param authPerMinute      {@code quarterdeck.rate-limit.auth-per-minute}: sign-in requests per client address
     * @param anonymousPerMinute {@code quarterdeck.rate-limit.anonymous-per-minute}: requests without valid
     *                           credentials per client address
     * @param callerPerMinute    {@code quarterdeck.rate-limit.caller-per-minute}: authenticated requests per caller
     * @param ingestPerMinute    {@code quarterdeck.rate-limit.ingest-per-minute}: error ingestion per API key
     */
    public record RateLimits(boolean enabled, long authPerMinute, long anonymousPerMinute, long callerPerMinute,
                             long ingestPerMinute) {
        public RateLimits {
            notNegative("quarterdeck.rate-limit.auth-per-minute", authPerMinute);
            notNegative("quarterdeck.rate-limit.anonymous-per-minute", anonymousPerMinute);
            notNegative("quarterdeck.rate-limit.caller-per-minute", callerPerMinute);
            notNegative("quarterdeck.rate-limit.ingest-per-minute", ingestPerMinute);
        }

        private static void notNegative(String key, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(key + " must be 0 (off) or more, not " + value);
            }
        }
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be more than 0, not " + value);
        }
    }
}
