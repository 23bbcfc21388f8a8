package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Prometheus ({@code scripts/services.sh}) scrapes the server under test's {@code /metrics} (a target file
 * naming this server's port, removed afterwards) and the query proxy {@code /api/v1/metrics/query} reads those series
 * back; a bad PromQL is a 400 with Prometheus' message. The server is configured with
 * {@code QUARTERDECK_PROMETHEUS_URL} by {@code bin/quarterdeck test}.
 */
class PrometheusIT {
    static final Path TARGETS = Path.of(Server.env("QUARTERDECK_SERVICES_DIR", "/tmp/quarterdeck-services"),
            "prometheus", "targets");
    static final String INSTANCE = URI.create(Server.BASE).getHost() + ":" + URI.create(Server.BASE).getPort();
    static Path target;

    @BeforeAll
    static void scrapeThisServer() throws Exception {
        target = TARGETS.resolve("qd-it-" + URI.create(Server.BASE).getPort() + ".json");
        Files.writeString(target, "[{\"targets\":[\"" + INSTANCE + "\"],\"labels\":{\"suite\":\"PrometheusIT\"}}]");
    }

    @AfterAll
    static void stopScraping() throws Exception {
        Files.deleteIfExists(target);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void prometheus_scrapes_the_server_and_the_proxy_reads_the_series_back() throws Exception {
        String series = "quarterdeck_http_requests_total{instance=\"" + INSTANCE + "\"}";
        JsonObject answer = null;
        long deadline = System.nanoTime() + 90_000_000_000L; // file_sd refresh 5 s + scrape interval 5 s, on a busy box
        while (System.nanoTime() < deadline) {
            Server.Reply r = Server.get("/api/v1/metrics/query?query=" + enc("count(" + series + ")"));
            assertEquals(200, r.status(), r.body());
            answer = Server.parse(r.body());
            if (!answer.getJsonArray("result").isEmpty()) {
                break;
            }
            Thread.sleep(1_000);
        }
        assertEquals("vector", answer.getString("resultType"));
        assertTrue(!answer.getJsonArray("result").isEmpty(), "Prometheus never scraped " + INSTANCE + ": " + answer);
        JsonArray value = answer.getJsonArray("result").getJsonObject(0).getJsonArray("value");
        assertTrue(Double.parseDouble(value.getString(1)) > 0, answer.toString());

        Instant end = Instant.now();
        Server.Reply range = Server.get("/api/v1/metrics/query?query=" + enc("sum(" + series + ")") + "&start="
                + end.minusSeconds(120) + "&end=" + end + "&step=10s");
        assertEquals(200, range.status(), range.body());
        JsonObject matrix = Server.parse(range.body());
        assertEquals("matrix", matrix.getString("resultType"));
        JsonArray values = matrix.getJsonArray("result").getJsonObject(0).getJsonArray("values");
        assertTrue(values.size() >= 1);
        assertEquals(2, values.getJsonArray(0).size(), "[time, \"value\"]");

        Server.Reply unixTimes = Server.get("/api/v1/metrics/query?query=" + enc("vector(7)") + "&start="
                + (end.getEpochSecond() - 60) + "&end=" + end.getEpochSecond() + "&step=30");
        assertEquals(200, unixTimes.status(), unixTimes.body());
        assertEquals(3, Server.parse(unixTimes.body()).getJsonArray("result").getJsonObject(0)
                .getJsonArray("values").size());
    }

    @Test
    void a_bad_query_is_a_400_with_prometheus_message() {
        Server.Reply r = Server.get("/api/v1/metrics/query?query=" + enc("sum(rate(x[5m]"));
        assertEquals(400, r.status(), r.body());
        JsonObject error = Server.parse(r.body()).getJsonObject("error");
        assertTrue(error.getString("message").contains("parse error"), r.body());
        assertEquals(400, Server.get("/api/v1/metrics/query").status(), "query is required");
        LogsIT.assertField(Server.get("/api/v1/metrics/query?query=up&start=2026-01-01T00:00:00Z"
                + "&end=2026-12-01T00:00:00Z&step=1s"), "step");
        LogsIT.assertField(Server.get("/api/v1/metrics/query?query=up&start=soon"), "start");
    }

    @Test
    void the_dashboards_are_the_shipped_ones_without_grafana() {
        Server.Reply r = Server.get("/api/v1/metrics/dashboards");
        assertEquals(200, r.status(), r.body());
        JsonArray dashboards = Server.parse(r.body()).getJsonArray("dashboards");
        assertTrue(dashboards.stream().anyMatch(d -> d.asJsonObject().getString("id").equals("quarterdeck-overview")
                && d.asJsonObject().getString("url").equals("/grafana/d/quarterdeck-overview")), r.body());
    }

    @Test
    void system_info_probes_prometheus() {
        JsonObject info = Server.parse(Server.get("/api/v1/system/info").body());
        assertEquals("healthy", info.getJsonObject("services").getString("prometheus"), info.toString());
    }
}
