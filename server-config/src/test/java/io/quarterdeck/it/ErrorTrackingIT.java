package io.quarterdeck.it;

import static io.quarterdeck.it.Server.authed;
import static io.quarterdeck.it.Server.delete;
import static io.quarterdeck.it.Server.get;
import static io.quarterdeck.it.Server.postJson;
import static io.quarterdeck.it.Server.put;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 001 sections 1, 2 and 9 against the running server. Each test uses its own source, so none shares state. */
class ErrorTrackingIT {
    private static final Random RANDOM = new Random();

    /** A source no other test uses: letters only, so it never normalizes into another. */
    static String uniqueSource() {
        StringBuilder sb = new StringBuilder("it-");
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    static String report(String level, String message, String source, String extra) {
        return "{\"level\":\"" + level + "\",\"message\":\"" + message + "\",\"source\":\"" + source + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static JsonObject created(String body) {
        Server.Reply r = postJson("/api/errors", body);
        assertEquals(201, r.status(), r.body());
        assertEquals("success", r.json().getString("status"));
        return r.json().getJsonObject("data");
    }

    static void assertErrorShape(Server.Reply r, int status, String mentions) {
        assertEquals(status, r.status(), r.body());
        JsonObject o = r.json();
        assertEquals("error", o.getString("status"), r.body());
        assertTrue(o.getString("error").toLowerCase(Locale.ROOT).contains(mentions), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("at io.quarterdeck"), r.body());
    }

    @Test
    void health_is_public_and_in_the_documented_shapes() {
        Server.Reply health = send(Server.request("/health").GET());
        assertEquals(200, health.status());
        assertEquals("ok", health.json().getString("status"));
        assertTrue(health.json().getString("timestamp").endsWith("Z"));
        Instant.parse(health.json().getString("timestamp"));

        Server.Reply live = send(Server.request("/health/live").GET());
        assertEquals(200, live.status());
        assertEquals("UP", live.json().getString("status"));

        Server.Reply ready = send(Server.request("/health/ready").GET());
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        assertEquals("database", ready.json().getJsonArray("checks").getJsonObject(0).getString("name"));
    }

    @Test
    void every_response_carries_a_request_id_echoed_when_given() {
        Server.Reply echoed = send(Server.request("/health").header("X-Request-ID", "abc-123").GET());
        assertEquals("abc-123", echoed.header("X-Request-ID"));
        Server.Reply generated = send(Server.request("/api/errors").GET());
        assertNotNull(generated.header("X-Request-ID"));
    }

    @Test
    void every_response_carries_the_security_headers_errors_included() {
        for (Server.Reply reply : List.of(send(Server.request("/health").GET()),
                send(Server.request("/api/errors").GET()),
                send(Server.request("/api/errors/no-such-id").header("X-API-Key", Server.API_KEY).GET()),
                send(Server.request("/no/such/path").GET()))) {
            String where = reply.raw().request().uri() + " -> " + reply.status();
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), where);
            assertEquals("DENY", reply.header("X-Frame-Options"), where);
            assertEquals("default-src 'self'", reply.header("Content-Security-Policy"), where);
            assertEquals("strict-origin-when-cross-origin", reply.header("Referrer-Policy"), where);
            assertEquals("max-age=31536000; includeSubDomains", reply.header("Strict-Transport-Security"), where);
        }
    }

    @Test
    void the_api_needs_a_valid_key() {
        assertErrorShape(send(Server.request("/api/errors").GET()), 401, "x-api-key");
        assertErrorShape(send(Server.request("/api/errors").header("X-API-Key", "qdk_nope_nothing").GET()), 401,
                "invalid");
        assertErrorShape(send(Server.request("/api/errors").header("X-API-Key", Server.API_KEY + "x").GET()), 401,
                "invalid");
    }

    @Test
    void posting_an_error_fills_every_server_field() {
        String source = uniqueSource();
        Server.Reply r = send(authed("/api/errors").header("Content-Type", "application/json")
                .header("User-Agent", "it-agent/1.0").setHeader("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString(report("error", "Database connection failed", source,
                        "\"stack_trace\":\"Error: Connection timeout\\n    at Database.connect (/app/db.js:10:5)\","
                                + "\"context\":{\"user_id\":\"12345\",\"nested\":{\"n\":1.5,\"ok\":true,\"none\":null}},"
                                + "\"environment\":\"production\",\"url\":\"https://api.example.com/users\","
                                + "\"unknown_field\":\"ignored\""))));
        assertEquals(201, r.status(), r.body());
        JsonObject e = r.json().getJsonObject("data");
        assertTrue(r.header("Location").endsWith("/api/errors/" + e.getString("id")));
        assertEquals("error", e.getString("level"));
        assertEquals("Database connection failed", e.getString("message"));
        assertEquals(source, e.getString("source"));
        assertEquals("production", e.getString("environment"));
        assertEquals("https://api.example.com/users", e.getString("url"));
        assertEquals("it-agent/1.0", e.getString("user_agent"));
        // The test command makes 127.0.0.1 a trusted proxy, so its X-Forwarded-For names the client (the untrusted
        // case is ClientAddressResolverTest's).
        assertEquals("203.0.113.9", e.getString("ip_address"), "X-Forwarded-For from a trusted proxy names the client");
        assertEquals("12345", e.getJsonObject("context").getString("user_id"));
        assertEquals(1.5, e.getJsonObject("context").getJsonObject("nested").getJsonNumber("n").doubleValue());
        assertTrue(e.getString("fingerprint").matches("[0-9a-f]{32}"));
        assertFalse(e.getBoolean("resolved"));
        assertEquals(1, e.getInt("count"));
        for (String t : new String[] {"timestamp", "first_seen", "last_seen", "created_at", "updated_at"}) {
            assertTrue(e.getString(t).endsWith("Z"), t);
            Instant.parse(e.getString(t));
        }
        assertEquals(e.getString("first_seen"), e.getString("last_seen"));
        assertFalse(e.containsKey("unknown_field"));

        JsonObject fetched = get("/api/errors/" + e.getString("id")).json().getJsonObject("data");
        assertEquals(e.getString("fingerprint"), fetched.getString("fingerprint"));
        assertEquals("Error: Connection timeout\n    at Database.connect (/app/db.js:10:5)",
                fetched.getString("stack_trace"));
    }

    @Test
    void occurrences_of_one_fingerprint_aggregate_into_one_group() throws InterruptedException {
        String source = uniqueSource();
        JsonObject first = created(report("error", "User 123 not found", source,
                "\"context\":{\"a\":\"1\",\"b\":\"old\"}"));
        Thread.sleep(5);
        JsonObject second = created(report("warning", "User 987 not found", source,
                "\"context\":{\"b\":\"new\",\"c\":\"3\"}"));
        assertEquals(first.getString("id"), second.getString("id"));
        assertEquals(first.getString("fingerprint"), second.getString("fingerprint"));
        assertEquals(2, second.getInt("count"));
        assertEquals(first.getString("first_seen"), second.getString("first_seen"));
        assertTrue(Instant.parse(second.getString("last_seen")).isAfter(Instant.parse(first.getString("last_seen"))));
        JsonObject context = second.getJsonObject("context");
        assertEquals("1", context.getString("a"));
        assertEquals("new", context.getString("b"));
        assertEquals("3", context.getString("c"));
        assertEquals("User 987 not found", second.getString("message"), "the newest occurrence describes the group");

        JsonObject other = created(report("error", "Order 123 not found", source, ""));
        assertNotEquals(first.getString("id"), other.getString("id"));
    }

    @Test
    void a_client_fingerprint_wins() {
        String source = uniqueSource();
        JsonObject a = created(report("error", "alpha", source, "\"fingerprint\":[\"checkout\",\"" + source + "\"]"));
        JsonObject b = created(report("error", "completely different", source,
                "\"fingerprint\":[\"checkout\",\"" + source + "\"]"));
        assertEquals(a.getString("id"), b.getString("id"));
        JsonObject plain = created(report("error", "gamma 1", source, ""));
        JsonObject defaulted = created(report("error", "gamma 2", source, "\"fingerprint\":\"{{ default }}\""));
        assertEquals(plain.getString("id"), defaulted.getString("id"));
    }

    @Test
    void sensitive_context_is_scrubbed_before_storage() {
        String source = uniqueSource();
        JsonObject e = created(report("error", "payment failed", source,
                "\"context\":{\"password\":\"hunter2\",\"Authorization\":\"Bearer abc\",\"card\":\"4111 1111 1111 1111\","
                        + "\"inner\":{\"api_key\":\"k\"},\"plain\":\"visible\"},"
                        + "\"url\":\"https://shop.example.com/pay?token=abc&item=7\""));
        String id = e.getString("id");
        JsonObject stored = get("/api/errors/" + id).json().getJsonObject("data");
        JsonObject c = stored.getJsonObject("context");
        assertEquals("[Filtered]", c.getString("password"));
        assertEquals("[Filtered]", c.getString("Authorization"));
        assertEquals("[Filtered]", c.getJsonObject("inner").getString("api_key"));
        assertEquals("************1111", c.getString("card"));
        assertEquals("visible", c.getString("plain"));
        assertEquals("https://shop.example.com/pay?token=[Filtered]&item=7", stored.getString("url"));
        assertFalse(get("/api/errors/" + id).body().contains("hunter2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"level\":\"fatal\",\"message\":\"x\"}|level",
        "{\"message\":\"x\"}|level",
        "{\"level\":\"error\"}|message",
        "{\"level\":\"error\",\"message\":\"   \"}|message",
        "{\"level\":\"error\",\"message\":42}|message",
        "{\"level\":\"error\",\"message\":\"x\",\"context\":[1,2]}|context",
        "{\"level\":\"error\",\"message\":\"x\",\"source\":{\"a\":1}}|source",
        "{\"level\":\"error\",\"message\":\"x\",\"fingerprint\":[1]}|fingerprint",
        "[1, 2|body",
        "not json|body",
        "\"a string\"|body"})
    void bad_reports_get_a_400_naming_the_field(String body, String field) {
        Server.Reply r = postJson("/api/errors", body);
        assertErrorShape(r, 400, field);
    }

    @Test
    void oversized_reports_get_a_413() {
        assertErrorShape(postJson("/api/errors", report("error", "m".repeat(9000), uniqueSource(), "")), 413,
                "message");
        assertErrorShape(postJson("/api/errors", report("error", "big", uniqueSource(),
                "\"stack_trace\":\"" + "s".repeat(70_000) + "\"")), 413, "stack_trace");
        assertErrorShape(postJson("/api/errors", report("error", "big", uniqueSource(),
                "\"context\":{\"k\":\"" + "c".repeat(20_000) + "\"}")), 413, "context");
        assertErrorShape(postJson("/api/errors", report("error", "big", uniqueSource(),
                "\"padding\":\"" + "p".repeat(1_100_000) + "\"")), 413, "body");
    }

    @Test
    void the_list_filters_searches_and_pages() throws InterruptedException {
        String source = uniqueSource();
        JsonObject older = created(report("error", "Checkout exploded", source, ""));
        Thread.sleep(5);
        JsonObject warning = created(report("warning", "Cache slow here", source, ""));
        Thread.sleep(5);
        JsonObject newest = created(report("info", "Login 100% ok_flag", source, ""));
        put("/api/errors/" + older.getString("id") + "/resolve");

        JsonObject all = get("/api/errors?source=" + source).json().getJsonObject("data");
        assertEquals(3, all.getInt("total"));
        assertEquals(1, all.getInt("page"));
        assertEquals(50, all.getInt("limit"));
        assertEquals(newest.getString("id"), all.getJsonArray("errors").getJsonObject(0).getString("id"));
        JsonObject row = all.getJsonArray("errors").getJsonObject(0);
        for (String f : new String[] {"id", "timestamp", "level", "message", "source", "resolved", "count"}) {
            assertTrue(row.containsKey(f), f);
        }

        assertEquals(1, get("/api/errors?source=" + source + "&level=warning").json().getJsonObject("data").getInt("total"));
        assertEquals(1, get("/api/errors?source=" + source + "&resolved=true").json().getJsonObject("data").getInt("total"));
        assertEquals(2, get("/api/errors?source=" + source + "&resolved=false").json().getJsonObject("data").getInt("total"));
        JsonObject found = get("/api/errors?source=" + source + "&search=CACHE").json().getJsonObject("data");
        assertEquals(warning.getString("id"), found.getJsonArray("errors").getJsonObject(0).getString("id"));
        assertEquals(1, get("/api/errors?source=" + source + "&search=100%25").json().getJsonObject("data").getInt("total"));
        assertEquals(0, get("/api/errors?source=" + source + "&search=10_%25").json().getJsonObject("data").getInt("total"));

        JsonObject page2 = get("/api/errors?source=" + source + "&limit=2&offset=2").json().getJsonObject("data");
        assertEquals(2, page2.getInt("page"));
        assertEquals(1, page2.getJsonArray("errors").size());
        assertEquals(older.getString("id"), page2.getJsonArray("errors").getJsonObject(0).getString("id"));
    }

    @ParameterizedTest
    @CsvSource({"limit=0,limit", "limit=101,limit", "limit=abc,limit", "offset=-1,offset", "level=fatal,level",
        "resolved=maybe,resolved"})
    void bad_list_parameters_get_a_400_naming_the_field(String query, String field) {
        assertErrorShape(get("/api/errors?" + query), 400, field);
    }

    @Test
    void resolving_is_idempotent_and_a_new_occurrence_reopens_as_regressed() {
        String source = uniqueSource();
        JsonObject e = created(report("error", "flaky thing", source, ""));
        String id = e.getString("id");
        Server.Reply resolved = put("/api/errors/" + id + "/resolve");
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("{\"data\":{\"status\":\"resolved\"},\"status\":\"success\"}", resolved.body().replace(" ", ""));
        assertEquals(200, put("/api/errors/" + id + "/resolve").status());
        assertTrue(get("/api/errors/" + id).json().getJsonObject("data").getBoolean("resolved"));

        JsonObject again = created(report("error", "flaky thing", source, ""));
        assertEquals(id, again.getString("id"));
        assertFalse(again.getBoolean("resolved"));
        assertTrue(again.getBoolean("regressed"));
        assertEquals(2, again.getInt("count"));
    }

    @Test
    void deleting_removes_the_group_and_unknown_ids_are_404() {
        JsonObject e = created(report("error", "to be deleted", uniqueSource(), ""));
        String id = e.getString("id");
        Server.Reply deleted = delete("/api/errors/" + id);
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());
        assertErrorShape(get("/api/errors/" + id), 404, "not found");
        assertErrorShape(delete("/api/errors/" + id), 404, "not found");
        assertErrorShape(put("/api/errors/" + id + "/resolve"), 404, "not found");
        assertErrorShape(get("/api/errors/" + "x".repeat(200)), 404, "not found");
    }

    @Test
    void unknown_paths_and_methods_answer_in_the_surface_shape() {
        assertErrorShape(get("/api/nothing-here"), 404, "not found");
        Server.Reply patch = send(authed("/api/errors").method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertErrorShape(patch, 405, "method");
        Server.Reply xml = send(authed("/api/errors").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<a/>")));
        assertErrorShape(xml, 415, "media type");
        assertNull(xml.header("X-Powered-By"));
    }
}
