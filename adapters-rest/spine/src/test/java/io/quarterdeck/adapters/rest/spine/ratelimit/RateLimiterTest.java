package io.quarterdeck.adapters.rest.spine.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import io.quarterdeck.adapters.rest.spine.RestSettingsTestData;
import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimiter.Decision;
import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimiter.Limit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final class ManualTime implements TimeMeter {
        long nanos = 1_000_000_000L;

        void advance(Duration d) {
            nanos += d.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();
    private final RateLimiter limiter = new RateLimiter(
            RestSettingsTestData.rateLimits(true, 10, 100, 1000, 0), time);

    @Test
    void a_burst_up_to_the_limit_passes_and_the_next_request_is_told_when_to_retry() {
        for (int i = 1; i <= 10; i++) {
            Decision d = limiter.acquire(Limit.AUTH_PER_ADDRESS, "198.51.100.7");
            assertTrue(d.allowed(), "attempt " + i);
            assertEquals(10, d.limit());
            assertEquals(10 - i, d.remaining());
        }
        Decision refused = limiter.acquire(Limit.AUTH_PER_ADDRESS, "198.51.100.7");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(6, refused.retryAfterSeconds(), "10 a minute refill one every 6 s");
        assertEquals(60, refused.resetSeconds());
        assertTrue(limiter.acquire(Limit.AUTH_PER_ADDRESS, "198.51.100.8").allowed(), "other addresses are not affected");
    }

    @Test
    void the_allowance_refills_at_the_limits_pace() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire(Limit.AUTH_PER_ADDRESS, "a");
        }
        time.advance(Duration.ofSeconds(5));
        assertFalse(limiter.acquire(Limit.AUTH_PER_ADDRESS, "a").allowed());
        time.advance(Duration.ofSeconds(1));
        assertTrue(limiter.acquire(Limit.AUTH_PER_ADDRESS, "a").allowed());
        assertFalse(limiter.acquire(Limit.AUTH_PER_ADDRESS, "a").allowed());
        time.advance(Duration.ofMinutes(1));
        Decision full = limiter.acquire(Limit.AUTH_PER_ADDRESS, "a");
        assertEquals(9, full.remaining(), "never more than the limit after a long pause");
    }

    @Test
    void limits_and_keys_are_counted_apart() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire(Limit.AUTH_PER_ADDRESS, "a");
        }
        assertEquals(99, limiter.acquire(Limit.ANONYMOUS_PER_ADDRESS, "a").remaining());
        assertEquals(999, limiter.acquire(Limit.PER_CALLER, "a").remaining());
    }

    @Test
    void charged_failures_exhaust_an_address_without_a_request_taking_anything() {
        assertNull(limiter.exhausted(Limit.ANONYMOUS_PER_ADDRESS, "203.0.113.1"), "unknown address");
        for (int i = 0; i < 100; i++) {
            assertNull(limiter.exhausted(Limit.ANONYMOUS_PER_ADDRESS, "203.0.113.1"));
            limiter.charge(Limit.ANONYMOUS_PER_ADDRESS, "203.0.113.1");
        }
        Decision d = limiter.exhausted(Limit.ANONYMOUS_PER_ADDRESS, "203.0.113.1");
        assertNotNull(d);
        assertFalse(d.allowed());
        assertEquals(1, d.retryAfterSeconds(), "100 a minute refill one every 0.6 s");
        time.advance(Duration.ofSeconds(1));
        assertNull(limiter.exhausted(Limit.ANONYMOUS_PER_ADDRESS, "203.0.113.1"));
    }

    @Test
    void zero_turns_a_limit_off_and_disabled_turns_all_off() {
        assertNull(limiter.acquire(Limit.INGEST_PER_CALLER, "key"));
        assertFalse(limiter.applies(Limit.INGEST_PER_CALLER));
        RateLimiter off = new RateLimiter(RestSettingsTestData.rateLimits(false, 1, 1, 1, 1), time);
        for (int i = 0; i < 5; i++) {
            assertNull(off.acquire(Limit.AUTH_PER_ADDRESS, "a"));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestSettingsTestData.rateLimits(true, 10, 100, -1, 1000));
        assertEquals("quarterdeck.rate-limit.caller-per-minute must be 0 (off) or more, not -1", e.getMessage());
    }

    @Test
    void idle_buckets_are_forgotten_so_many_addresses_do_not_accumulate() {
        for (int i = 0; i < 500; i++) {
            limiter.acquire(Limit.ANONYMOUS_PER_ADDRESS, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertEquals(500, limiter.size());
        time.advance(Duration.ofMinutes(3));
        limiter.acquire(Limit.ANONYMOUS_PER_ADDRESS, "10.9.9.9");
        assertEquals(1, limiter.size());
    }
}
