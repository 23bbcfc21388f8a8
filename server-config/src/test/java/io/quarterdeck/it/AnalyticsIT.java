package io.quarterdeck.it;

import static io.quarterdeck.it.Server.bearer;
import static io.quarterdeck.it.Server.delete;
import static io.quarterdeck.it.Server.get;
import static io.quarterdeck.it.Server.json;
import static io.quarterdeck.it.Server.postJson;
import static io.quarterdeck.it.Server.put;
import static io.quarterdeck.it.Server.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.it.Server.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 on the running server: seed 001's performance analytics and system metrics from stored data, the
 * statistics and service-health caches (a repeated read is served from the cache, a write is in the next read), and
 * Alertmanager's webhook authenticated the way Alertmanager can (an API key as a bearer token).
 */
class AnalyticsIT {
    private static final String TRENDS = "/api/analytics/trends?period=week&group_by=day";

    private static JsonObject data(Reply r) {
        assertEquals(200, r.status(), r.body());
        assertEquals("success", r.json().getString("status"));
        return r.json().getJsonObject("data");
    }

    /** Reads twice until the second read is a cache hit of the first (a write by another test may intervene once). */
    private static Reply repeatedReadIsAHit(String path) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Reply first = get(path);
            Reply second = get(path);
            assertEquals(200, second.status(), second.body());
            if ("HIT".equals(second.header("X-Cache"))) {
                assertEquals(first.header("X-Cache-Computed-At"), second.header("X-Cache-Computed-At"));
                assertEquals(first.body(), second.body(), "the same answer");
                return second;
            }
        }
        throw new AssertionError(path + ": no cache hit in three repeated reads");
    }

    private static long trendTotal(JsonObject trends) {
        return trends.getJsonArray("data_points").stream()
                .mapToLong(p -> p.asJsonObject().getJsonNumber("error_count").longValue()).sum();
    }

    private static boolean nullOrAbsent(JsonObject o, String key) {
        return !o.containsKey(key) || o.get(key).getValueType() == JsonValue.ValueType.NULL;
    }

    @Test
    void statisticsTrendsAndPerformanceAreCachedAndEveryWriteIsInTheNextRead() {
        JsonObject stats = data(repeatedReadIsAHit("/api/stats"));
        JsonObject trends = data(repeatedReadIsAHit(TRENDS));
        JsonObject performance = data(repeatedReadIsAHit("/api/analytics/performance"));

        String message = "analytics cache check " + UUID.randomUUID();
        Reply posted = postJson("/api/errors", "{\"message\":\"" + message + "\",\"level\":\"error\","
                + "\"source\":\"analytics-it\"}");
        assertEquals(201, posted.status(), posted.body());
        String id = posted.json().getJsonObject("data").getString("id");

        Reply afterPost = get("/api/stats");
        assertEquals("MISS", afterPost.header("X-Cache"), "a posted error invalidates the statistics");
        assertEquals(stats.getJsonNumber("total_errors").longValue() + 1,
                data(afterPost).getJsonNumber("total_errors").longValue());
        Reply trendsAfter = get(TRENDS);
        assertEquals("MISS", trendsAfter.header("X-Cache"));
        assertEquals(trendTotal(trends) + 1, trendTotal(data(trendsAfter)));
        Reply performanceAfter = get("/api/analytics/performance");
        assertEquals("MISS", performanceAfter.header("X-Cache"));
        assertEquals(performance.getJsonNumber("error_events").longValue() + 1,
                data(performanceAfter).getJsonNumber("error_events").longValue());
        assertEquals("HIT", get("/api/stats").header("X-Cache"), "and is cached again");

        assertEquals(200, put("/api/errors/" + id + "/resolve").status());
        Reply afterResolve = get("/api/stats");
        assertEquals("MISS", afterResolve.header("X-Cache"), "a resolve invalidates the statistics");
        assertEquals(data(afterPost).getJsonNumber("resolved_errors").longValue() + 1,
                data(afterResolve).getJsonNumber("resolved_errors").longValue());

        assertEquals(204, delete("/api/errors/" + id).status());
        Reply afterDelete = get("/api/stats");
        assertEquals("MISS", afterDelete.header("X-Cache"), "a delete invalidates the statistics");
        assertEquals(stats.getJsonNumber("total_errors").longValue(),
                data(afterDelete).getJsonNumber("total_errors").longValue());
    }

    @Test
    void performanceIsComputedFromStoredEventsAndChecksAndWhatHasNoSourceIsNull() {
        data(get("/api/monitoring/services")); // stores a check of each service (the database at least)
        for (int i = 0; i < 3; i++) {
            assertEquals(201, postJson("/api/errors", "{\"message\":\"perf " + UUID.randomUUID() + "\","
                    + "\"level\":\"error\",\"source\":\"analytics-it\"}").status());
        }
        JsonObject p = data(get("/api/analytics/performance"));
        long events = p.getJsonNumber("error_events").longValue();
        assertTrue(events >= 3, p.toString());
        assertEquals(Math.round(events * 100.0 / 1440) / 100.0, p.getJsonNumber("throughput_rpm").doubleValue(),
                1e-9, "error events per minute over 24 h");
        double availability = p.getJsonNumber("availability_percent").doubleValue();
        assertTrue(availability > 0 && availability <= 100, p.toString());
        assertTrue(p.getJsonNumber("avg_response_time").doubleValue() >= 0, p.toString());
        assertTrue(nullOrAbsent(p, "error_rate_percent"), p.toString());
        assertTrue(nullOrAbsent(p, "performance_score"), p.toString());
        assertEquals(Duration.ofHours(24), Duration.between(java.time.Instant.parse(p.getString("from")),
                java.time.Instant.parse(p.getString("to"))));
    }

    @Test
    void systemMetricsAggregateTheHostSamplesOverEachTimeframe() {
        JsonObject hour = AlertingIT.await("a stored host sample", Duration.ofSeconds(30),
                () -> data(get("/api/monitoring/metrics?timeframe=1h")),
                d -> d.getJsonNumber("samples").longValue() > 0);
        assertEquals("1h", hour.getString("timeframe"));
        assertEquals("local", hour.getString("server_id"));
        for (String percent : List.of("cpu_usage_percent", "memory_usage_percent", "disk_usage_percent")) {
            double v = hour.getJsonNumber(percent).doubleValue();
            assertTrue(v >= 0 && v <= 100, percent + " " + hour);
        }
        assertTrue(hour.getJsonNumber("memory_usage_percent").doubleValue() > 0, hour.toString());
        assertTrue(hour.getJsonObject("network_io").getJsonNumber("bytes_in").longValue() >= 0, hour.toString());
        assertTrue(hour.getJsonObject("network_io").getJsonNumber("bytes_out").longValue() >= 0, hour.toString());
        assertTrue(nullOrAbsent(hour, "active_connections"), hour.toString());
        assertTrue(nullOrAbsent(hour, "requests_per_minute"), hour.toString());
        long previous = hour.getJsonNumber("samples").longValue();
        for (String timeframe : List.of("6h", "24h", "7d", "30d")) {
            JsonObject d = data(get("/api/monitoring/metrics?timeframe=" + timeframe));
            assertEquals(timeframe, d.getString("timeframe"));
            assertTrue(d.getJsonNumber("samples").longValue() >= previous, "a longer timeframe holds more: " + d);
            previous = d.getJsonNumber("samples").longValue();
        }
        assertEquals("1h", data(get("/api/monitoring/metrics")).getString("timeframe"), "the default");

        Reply bad = get("/api/monitoring/metrics?timeframe=2w");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("error", bad.json().getString("status"));
        assertTrue(bad.json().getString("error").contains("timeframe"), bad.body());
    }

    @Test
    void serviceHealthIsCachedForThirtySeconds() {
        JsonObject services = data(repeatedReadIsAHit("/api/monitoring/services"));
        assertTrue(services.getJsonArray("services").stream()
                .anyMatch(s -> s.asJsonObject().getString("name").equals("database")), services.toString());
    }

    @Test
    void alertmanagerMayAuthenticateWithAnApiKeyAsABearerToken() {
        String name = "BearerAlert" + UUID.randomUUID().toString().substring(0, 6);
        String firing = "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"" + name + "\\\"}\",\"status\":"
                + "\"firing\",\"receiver\":\"quarterdeck\",\"groupLabels\":{},\"commonLabels\":{},"
                + "\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[{\"status\":"
                + "\"firing\",\"labels\":{\"alertname\":\"" + name + "\",\"severity\":\"warning\",\"job\":\"api\"},"
                + "\"annotations\":{\"description\":\"p99 above 1s\"},\"startsAt\":\"2026-12-02T11:00:00Z\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom\",\"fingerprint\":\"fp" + name
                + "\"}]}";
        // What Alertmanager sends with http_config.authorization: {type: Bearer, credentials: <key>}; no X-API-Key.
        Reply r = send(bearer("/api/v1/alerts/alertmanager", Server.API_KEY)
                .header("Content-Type", "application/json").POST(json(firing)));
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().getInt("changed"));
        JsonObject alert = get("/api/v1/alerts").json().getJsonArray("alerts").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("name").equals(name)).findFirst().orElseThrow();
        assertEquals("api", alert.getString("service"));
        assertEquals("p99 above 1s", alert.getString("description"));
        Reply resolved = send(bearer("/api/v1/alerts/alertmanager", Server.API_KEY)
                .header("Content-Type", "application/json")
                .POST(json(firing.replace("\"status\":\"firing\"", "\"status\":\"resolved\""))));
        assertEquals(1, resolved.json().getInt("changed"));

        Reply wrong = send(bearer("/api/v1/alerts/alertmanager", "qdk_not_a_key")
                .header("Content-Type", "application/json").POST(json(firing)));
        assertEquals(401, wrong.status(), wrong.body());
        assertNotNull(wrong.body());
    }
}
