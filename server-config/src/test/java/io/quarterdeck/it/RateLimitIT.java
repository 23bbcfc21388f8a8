package io.quarterdeck.it;

import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.request;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.it.Server.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Rate limits at their defaults (the test command does not change them): 10 sign-ins a minute per address, 100
 * requests a minute per address without valid credentials, 1000 a minute per caller, 1000 ingestion requests a
 * minute per API key; health probes are not limited. Buckets refill continuously, so each test counts how many
 * requests passed before the first 429 and allows for what refilled meanwhile.
 */
class RateLimitIT {
    record Outcome(int passed, Reply refusal, double seconds) {
        /** The limit, plus what refilled at limit-per-minute while the test ran, plus one for rounding. */
        void assertLimit(int perMinute) {
            int most = perMinute + (int) Math.ceil(seconds * perMinute / 60.0) + 1;
            assertTrue(passed >= perMinute && passed <= most,
                    passed + " passed in " + seconds + " s; expected " + perMinute + ".." + most);
            assertNotNull(refusal, "never refused");
            assertEquals(429, refusal.status(), refusal.body());
            long retry = Long.parseLong(refusal.header("Retry-After"));
            assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
            assertEquals(Integer.toString(perMinute), refusal.header("RateLimit-Limit"));
            assertEquals("0", refusal.header("RateLimit-Remaining"));
            assertEquals(perMinute + ";w=60", refusal.header("RateLimit-Policy"));
        }
    }

    /** Sends until the first 429 (at most {@code cap} requests), on {@code threads} threads. */
    static Outcome untilRefused(Supplier<Reply> call, int expected, int threads, int cap) throws Exception {
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Reply> refusal = new AtomicReference<>();
        AtomicReference<Reply> unexpected = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (!stop.get() && sent.incrementAndGet() <= cap) {
                        Reply r = call.get();
                        if (r.status() == 429) {
                            refusal.compareAndSet(null, r);
                            stop.set(true);
                        } else if (r.status() == expected) {
                            passed.incrementAndGet();
                        } else {
                            unexpected.compareAndSet(null, r);
                            stop.set(true);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Reply odd = unexpected.get();
        assertNull(odd, () -> "unexpected " + odd.status() + " " + odd.body());
        return new Outcome(passed.get(), refusal.get(), (System.nanoTime() - start) / 1e9);
    }

    private static Reply login(String address, String path) {
        return send(request(path).setHeader("X-Forwarded-For", address).header("Content-Type", "application/json")
                .POST(json("{\"username\":\"rate-probe\",\"password\":\"wrong-password\"}")));
    }

    private static String newKey(String permissions) {
        Reply created = IdentityIT.postJson("/api/settings/api-keys", IdentityIT.ownerToken(),
                "{\"name\":\"rate-probe\",\"permissions\":" + permissions + "}");
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonObject("data").getString("key");
    }

    @Test
    void sign_in_allows_ten_attempts_a_minute_per_address_then_429_in_the_surface_shape_and_audited() throws Exception {
        String address = Server.newClientAddress();
        Reply first = login(address, "/api/v1/auth/login");
        assertEquals(401, first.status());
        assertEquals("10", first.header("RateLimit-Limit"));
        assertEquals("9", first.header("RateLimit-Remaining"));
        assertNotNull(first.header("RateLimit-Reset"));
        Outcome v1 = untilRefused(() -> login(address, "/api/v1/auth/login"), 401, 1, 50);
        new Outcome(v1.passed() + 1, v1.refusal(), v1.seconds()).assertLimit(10);
        JsonObject error = v1.refusal().json().getJsonObject("error");
        assertEquals("RATE_LIMITED", error.getString("code"));
        assertTrue(error.getString("message").startsWith("Too many requests"), error.toString());
        assertNotNull(v1.refusal().header("X-Request-ID"));
        // The same address is refused on every sign-in endpoint, another address is not.
        assertEquals(429, send(request("/api/v1/auth/token").setHeader("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(json("username=rate-probe&password=x"))).status());
        assertEquals(401, login(Server.newClientAddress(), "/api/v1/auth/login").status());

        String other = Server.newClientAddress();
        Outcome ai = untilRefused(() -> login(other, "/cluster-ai/auth/login"), 401, 1, 50);
        ai.assertLimit(10);
        assertTrue(ai.refusal().json().getString("detail").startsWith("Too many requests"));

        Reply audit = send(Server.bearer("/api/v1/audit?action=auth.login&limit=100", IdentityIT.ownerToken()).GET());
        assertEquals(200, audit.status(), audit.body());
        boolean recorded = audit.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> address.equals(r.getString("ip", null)) && r.getInt("outcome") == 429);
        assertTrue(recorded, "the refused sign-in is in the audit log: " + audit.body());
    }

    @Test
    void an_address_without_valid_credentials_gets_100_a_minute_then_even_a_good_key_from_it_waits() throws Exception {
        String address = Server.newClientAddress();
        Outcome anonymous = untilRefused(() -> send(request("/api/errors").setHeader("X-Forwarded-For", address).GET()),
                401, 4, 400);
        anonymous.assertLimit(100);
        JsonObject body = anonymous.refusal().json();
        assertEquals("error", body.getString("status"));
        assertTrue(body.getString("error").startsWith("Too many requests"));
        Reply goodKeySameAddress = send(Server.authed("/api/errors?limit=1").setHeader("X-Forwarded-For", address).GET());
        assertEquals(429, goodKeySameAddress.status());
        assertEquals(200, send(Server.authed("/api/errors?limit=1")).status(), "other addresses are not affected");

        // A failed authentication is charged when it has been answered, so concurrent guesses can overshoot by the
        // number in flight; one at a time the count is exact.
        String guesser = Server.newClientAddress();
        AtomicInteger n = new AtomicInteger();
        Outcome guessing = untilRefused(() -> send(request("/api/errors").setHeader("X-Forwarded-For", guesser)
                .header("X-API-Key", "qdk_guess_" + n.incrementAndGet()).GET()), 401, 1, 400);
        guessing.assertLimit(100);
    }

    @Test
    void an_api_key_gets_1000_requests_a_minute_and_its_ingestion_1000_more_of_its_own() throws Exception {
        String reader = newKey("[\"read\"]");
        Reply first = send(request("/api/errors?limit=1").header("X-API-Key", reader).GET());
        assertEquals(200, first.status());
        assertEquals("1000", first.header("RateLimit-Limit"));
        assertEquals("999", first.header("RateLimit-Remaining"));
        Outcome reads = untilRefused(() -> send(request("/api/errors?limit=1").header("X-API-Key", reader).GET()),
                200, 4, 3000);
        new Outcome(reads.passed() + 1, reads.refusal(), reads.seconds()).assertLimit(1000);
        assertEquals("error", reads.refusal().json().getString("status"));

        String writer = newKey("[\"read\",\"write\"]");
        String source = "rate-" + System.nanoTime();
        Outcome posts = untilRefused(() -> send(request("/api/errors").header("X-API-Key", writer)
                .header("Content-Type", "application/json")
                .POST(json("{\"level\":\"info\",\"message\":\"rate probe\",\"source\":\"" + source + "\"}"))), 201, 8, 3000);
        posts.assertLimit(1000);
        Reply stillReads = send(request("/api/errors?limit=1&source=" + source).header("X-API-Key", writer).GET());
        assertEquals(200, stillReads.status(), "ingestion has its own allowance");
        assertEquals(posts.passed(), stillReads.json().getJsonObject("data").getJsonArray("errors").getJsonObject(0)
                .getInt("count"), "every accepted report was counted, no refused one was");
    }

    @Test
    void health_probes_are_never_limited() {
        String address = Server.newClientAddress();
        for (int i = 0; i < 250; i++) {
            Reply r = send(request("/health").setHeader("X-Forwarded-For", address).GET());
            assertEquals(200, r.status());
            assertNull(r.header("RateLimit-Limit"));
        }
    }
}
