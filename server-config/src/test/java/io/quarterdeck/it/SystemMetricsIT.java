package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Host metrics and system endpoints on the running server: the sampler's real figures of this host through
 * {@code /api/v1/system/*}, {@code /api/v1/metrics/local[/history]} and {@code /cluster-ai/metrics/system}.
 */
class SystemMetricsIT {
    @Test
    void system_info_reports_real_probes_and_this_hosts_resources() {
        Server.Reply r = Server.get("/api/v1/system/info");
        assertEquals(200, r.status(), r.body());
        JsonObject info = Server.parse(r.body());
        assertEquals("healthy", info.getJsonObject("services").getString("database"));
        long uptime = info.getJsonNumber("uptime_seconds").longValue();
        long live = Server.parse(Server.send(Server.request("/health/live").GET()).body()).getJsonArray("checks")
                .getJsonObject(0).getJsonObject("data").getJsonNumber("uptime_seconds").longValue();
        assertTrue(Math.abs(uptime - live) <= 2, "one uptime for the process: system/info " + uptime + " s, /health/live "
                + live + " s");
        assertTrue(uptime >= 5, "counted from the process start (Liberty takes longer than 5 s to become ready), "
                + "not from the first request: " + uptime);
        JsonObject res = info.getJsonObject("resources");
        assertEquals(Runtime.getRuntime().availableProcessors(), res.getInt("total_cpu_cores"));
        assertTrue(res.getJsonNumber("total_memory_gb").doubleValue() > 0.1, res.toString());
        assertTrue(res.getJsonNumber("total_disk_gb").doubleValue() > 0, res.toString());
    }

    @Test
    void health_tells_anyone_the_status_and_a_caller_the_checks() {
        Server.Reply anonymous = Server.send(Server.request("/api/v1/system/health").GET());
        assertEquals(200, anonymous.status(), anonymous.body());
        JsonObject open = Server.parse(anonymous.body());
        assertEquals(1, open.size(), "nothing but the status without credentials: " + open);
        assertTrue(open.getString("status").equals("healthy") || open.getString("status").equals("degraded"));

        JsonObject full = Server.parse(Server.get("/api/v1/system/health").body());
        JsonObject checks = full.getJsonObject("checks");
        assertEquals("up", checks.getJsonObject("database").getString("status"));
        assertTrue(checks.getJsonObject("database").containsKey("latency_ms"));
        double disk = checks.getJsonNumber("disk_usage_pct").doubleValue();
        assertTrue(disk > 0 && disk <= 100, "disk use " + disk);
    }

    @Test
    void the_local_server_has_a_latest_sample_and_a_history() throws Exception {
        Server.Reply latest = Server.get("/api/v1/metrics/local");
        assertEquals(200, latest.status(), latest.body());
        JsonObject s = Server.parse(latest.body());
        assertEquals("local", s.getString("server_id"));
        double cpu = s.getJsonNumber("cpu_percent").doubleValue();
        assertTrue(cpu >= 0 && cpu <= 100);
        assertTrue(s.getJsonNumber("memory_total_bytes").longValue() > 0);
        assertTrue(s.getJsonNumber("memory_used_bytes").longValue() > 0);

        Thread.sleep(6_000); // at least one more sample by the 5-second schedule
        Instant now = Instant.now();
        Server.Reply history = Server.get("/api/v1/metrics/local/history?from=" + now.minusSeconds(600) + "&to="
                + now + "&interval=5s");
        assertEquals(200, history.status(), history.body());
        JsonArray points = Server.parse(history.body()).getJsonArray("points");
        assertTrue(points.size() >= 2, "samples taken every 5 s: " + points.size());

        Server.Reply system = Server.get("/api/v1/system/metrics");
        assertEquals(200, system.status());
        Server.Reply ca = Server.get("/cluster-ai/metrics/system?limit=2");
        assertEquals(200, ca.status(), ca.body());
        JsonArray rows = Json.createReader(new StringReader(ca.body())).readArray();
        assertEquals(2, rows.size());
        assertTrue(rows.getJsonObject(0).containsKey("network_rx"));
        assertFalse(Instant.parse(rows.getJsonObject(0).getString("timestamp"))
                .isBefore(Instant.parse(rows.getJsonObject(1).getString("timestamp"))), "newest first");
    }

    @Test
    void a_registered_server_without_samples_has_an_empty_history_and_says_so_for_its_latest() {
        String name = "qd15-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String owner = IdentityIT.ownerToken();
        Server.Reply created = Server.send(Server.bearer("/api/v1/servers", owner)
                .header("Content-Type", "application/json").POST(Server.json("{\"name\":\"" + name
                        + "\",\"docker_url\":\"tcp://10.0.0.1:2375\"}")));
        assertEquals(201, created.status(), created.body());
        String id = Server.parse(created.body()).getString("id");
        try {
            Server.Reply history = Server.get("/api/v1/metrics/" + id + "/history");
            assertEquals(200, history.status(), history.body());
            assertEquals(0, Server.parse(history.body()).getJsonArray("points").size());
            Server.Reply latest = Server.get("/api/v1/metrics/" + id);
            assertEquals(404, latest.status(), latest.body());
            JsonObject error = Server.parse(latest.body()).getJsonObject("error");
            assertEquals("RESOURCE_NOT_FOUND", error.getString("code"));
            assertEquals("No metrics received from this server yet", error.getString("message"));
            assertEquals(id, error.getJsonObject("details").getString("server_id"));
        } finally {
            assertEquals(204, Server.send(Server.bearer("/api/v1/servers/" + id, owner).DELETE()).status());
        }
    }

    @Test
    void unknown_servers_and_bad_parameters() {
        assertEquals(404, Server.get("/api/v1/metrics/no-such-server").status());
        assertEquals(404, Server.get("/api/v1/metrics/no-such-server/history").status());
        LogsIT.assertField(Server.get("/api/v1/metrics/local/history?interval=fortnight"), "interval");
        LogsIT.assertField(Server.get("/api/v1/metrics/local/history?from=2026-12-02T10:00:00Z&to=2026-12-01T10:00:00Z"),
                "from");
        LogsIT.assertField(Server.get("/api/v1/metrics/local/history?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z"
                + "&interval=1s"), "interval");
        LogsIT.assertField(Server.get("/api/v1/metrics/bad%20id"), "server_id");
        LogsIT.assertField(Server.get("/cluster-ai/metrics/system?limit=0"), "limit");
    }
}
