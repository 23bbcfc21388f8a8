package io.quarterdeck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Logs end to end on the running server: lines pushed through Loki's push API (JSON, and protobuf with snappy as
 * Promtail sends it) are read back through {@code /api/v1/logs}, {@code /logs/services}, {@code /logs/{source_id}} and
 * {@code /cluster-ai/logs}; scrubbing, the 64 KB cut, bad input and unknown sources.
 */
class LogsIT {
    private static final String PUSH = "/loki/api/v1/push";

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String nanos(Instant at) {
        return at.getEpochSecond() + String.format("%09d", at.getNano());
    }

    static Server.Reply push(String json) {
        return Server.send(Server.authed(PUSH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String stream(String service, String labelsExtra, Instant at, String... lines) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                values.append(',');
            }
            values.append("[\"").append(nanos(at.plusMillis(i))).append("\",")
                    .append(Json.createValue(lines[i]).toString()).append(']');
        }
        return "{\"stream\":{\"service\":\"" + service + "\"" + labelsExtra + "},\"values\":[" + values + "]}";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void pushed_lines_are_read_back_by_source_with_filters_and_pages() {
        String service = unique("api");
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Server.Reply pushed = push("{\"streams\":[" + stream(service, ",\"host\":\"node-1\",\"level\":\"warning\"", t0,
                "disk almost full") + "," + stream(service, "", t0.plusSeconds(1), "INFO request served in 12 ms",
                "ERROR upstream refused the connection", "login password=hunter2 for bob") + "]}");
        assertEquals(204, pushed.status(), pushed.body());

        Server.Reply page = Server.get("/api/v1/logs/" + service);
        assertEquals(200, page.status(), page.body());
        JsonObject body = Server.parse(page.body());
        assertEquals(4, body.getInt("total"));
        assertFalse(body.getBoolean("has_more"));
        JsonArray logs = body.getJsonArray("logs");
        JsonObject newest = logs.getJsonObject(0);
        assertEquals("login password=[Filtered] for bob", newest.getString("message"), "scrubbed before storage");
        assertEquals(service, newest.getString("service"));
        JsonObject oldest = logs.getJsonObject(3);
        assertEquals("WARN", oldest.getString("level"), "the level label wins");
        assertEquals("node-1", oldest.getJsonObject("metadata").getString("server"));
        assertEquals("ERROR", logs.getJsonObject(1).getString("level"), "sniffed from the line");

        JsonObject errors = Server.parse(Server.get("/api/v1/logs/" + service + "?level=ERROR").body());
        assertEquals(1, errors.getInt("total"));
        JsonObject searched = Server.parse(Server.get("/api/v1/logs/" + service + "?search=UPSTREAM").body());
        assertEquals(1, searched.getInt("total"));
        JsonObject paged = Server.parse(Server.get("/api/v1/logs/" + service + "?limit=2&offset=1").body());
        assertEquals(2, paged.getJsonArray("logs").size());
        assertTrue(paged.getBoolean("has_more"));
        assertEquals(4, paged.getInt("total"));
        JsonObject window = Server.parse(Server.get("/api/v1/logs/" + service + "?start_time=" + t0.plusSeconds(1)
                + "&end_time=" + t0.plusSeconds(2)).body());
        assertEquals(3, window.getInt("total"));

        assertEquals(200, Server.get("/api/v1/logs/node-1").status(), "the server label names a source too");

        JsonArray services = Server.parse(Server.get("/api/v1/logs/services").body()).getJsonArray("services");
        JsonObject listed = services.stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("id").equals(service)).findFirst().orElseThrow();
        assertEquals("running", listed.getString("status"));
        assertEquals("INFO", listed.getString("log_level"), "the level of its latest line");
    }

    @Test
    void the_query_across_sources_takes_a_glob_and_a_minimum_level() {
        String prefix = unique("scraper");
        Instant t0 = Instant.now().minusSeconds(30);
        assertEquals(204, push("{\"streams\":[" + stream(prefix + "_de", ",\"app\":\"" + prefix + "_de\"", t0,
                "WARNING slow page", "DEBUG parsed") + "," + stream(prefix + "_fr", "", t0, "CRITICAL crashed",
                "INFO ok") + "," + stream(unique("other"), "", t0, "ERROR not mine") + "]}").status());

        JsonObject q = Server.parse(Server.get("/api/v1/logs?app=" + prefix + "_*&level=WARNING").body());
        assertEquals(2, q.getInt("total"), q.toString());
        JsonObject all = Server.parse(Server.get("/api/v1/logs?app=" + prefix + "_*").body());
        assertEquals(4, all.getInt("total"));
        JsonObject one = Server.parse(Server.get("/api/v1/logs?app=" + prefix + "_?r&limit=1").body());
        assertEquals(2, one.getInt("total"));
        assertEquals(1, one.getJsonArray("logs").size());
    }

    @Test
    void cluster_ai_logs_carry_the_raw_line() {
        String component = unique("DASK");
        Instant t0 = Instant.parse("2026-01-15T10:25:00Z");
        assertEquals(204, push("{\"streams\":[" + stream(component, "", t0, "WARNING Worker worker-001 slow") + "]}")
                .status());
        Server.Reply r = Server.get("/cluster-ai/logs?component=" + component + "&level=WARNING&limit=5");
        assertEquals(200, r.status(), r.body());
        JsonArray lines = Json.createReader(new java.io.StringReader(r.body())).readArray();
        assertEquals(1, lines.size());
        JsonObject line = lines.getJsonObject(0);
        assertEquals("WARNING", line.getString("level"));
        assertEquals(component, line.getString("component"));
        assertEquals("[2026-01-15 10:25:00] [WARNING] [" + component + "] WARNING Worker worker-001 slow",
                line.getString("raw"));
    }

    @Test
    void a_line_over_64_kb_is_cut_and_marked_and_the_rest_of_the_push_is_kept() {
        String service = unique("big");
        String huge = "x".repeat(70 * 1024);
        assertEquals(204, push("{\"streams\":[" + stream(service, "", Instant.now(), huge, "small") + "]}").status());
        JsonObject body = Server.parse(Server.get("/api/v1/logs/" + service).body());
        assertEquals(2, body.getInt("total"));
        JsonObject cut = body.getJsonArray("logs").stream().map(v -> v.asJsonObject())
                .filter(l -> l.getString("message").startsWith("xxx")).findFirst().orElseThrow();
        assertEquals(64 * 1024, cut.getString("message").length());
        assertTrue(cut.getJsonObject("metadata").getBoolean("truncated"));
    }

    @Test
    void promtails_protobuf_with_snappy_is_taken_and_an_api_key_works_as_a_bearer_token() {
        String service = unique("promtail");
        Instant at = Instant.now().minusSeconds(5);
        byte[] body = snappyLiteral(pushRequest("{service=\"" + service + "\", job=\"varlogs\"}", at,
                "level=error msg=\"disk failed\""));
        Server.Reply r = Server.send(Server.request(PUSH).header("Authorization", "Bearer " + Server.API_KEY)
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(204, r.status(), r.body());
        JsonObject page = Server.parse(Server.get("/api/v1/logs/" + service).body());
        assertEquals(1, page.getInt("total"));
        JsonObject line = page.getJsonArray("logs").getJsonObject(0);
        assertEquals("level=error msg=\"disk failed\"", line.getString("message"));
        assertEquals("ERROR", line.getString("level"));
        assertEquals("varlogs", line.getJsonObject("metadata").getString("job"));
        assertEquals(at.toEpochMilli(), Instant.parse(line.getString("timestamp")).toEpochMilli());
    }

    @Test
    void bad_input_is_a_400_naming_the_parameter_and_an_unknown_source_a_404() {
        assertField(Server.get("/api/v1/logs?level=LOUD"), "level");
        assertField(Server.get("/api/v1/logs?from=yesterday"), "from");
        assertField(Server.get("/api/v1/logs?limit=5001"), "limit");
        assertField(Server.get("/api/v1/logs?app=" + enc("scraper_[a-z]")), "app");
        assertField(Server.get("/api/v1/logs/api?start_time=2026-13-01"), "start_time");
        assertField(push("{\"streams\":[{\"stream\":{},\"values\":[[\"soon\",\"x\"]]}]}"), "streams[0].values[0]");
        assertField(push("[1,2]"), "body");
        Server.Reply garbage = Server.send(Server.authed(PUSH).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {5, 0, 1, 2})));
        assertEquals(400, garbage.status(), garbage.body());

        Server.Reply unknown = Server.get("/api/v1/logs/" + unique("nobody"));
        assertEquals(404, unknown.status());
        assertTrue(Server.parse(unknown.body()).getJsonObject("error").containsKey("code"));
        assertEquals(401, Server.send(Server.request(PUSH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"streams\":[]}"))).status());
    }

    @Test
    void log_reads_are_audited() {
        String service = unique("audited");
        assertEquals(204, push("{\"streams\":[" + stream(service, "", Instant.now(), "hello") + "]}").status());
        assertEquals(200, Server.get("/api/v1/logs/" + service).status());
        Server.Reply read = Server.send(Server.bearer("/api/v1/audit?action=logs.source", IdentityIT.ownerToken()).GET());
        assertEquals(200, read.status(), read.body());
        JsonObject audit = Server.parse(read.body());
        assertTrue(audit.toString().contains("/api/v1/logs/" + service), audit.toString());
    }

    static void assertField(Server.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.body().contains(field), reply.body());
    }

    // --- Loki's protobuf push request and snappy's block format, written by hand as Promtail would send them ---

    static byte[] pushRequest(String labels, Instant at, String line) {
        ByteArrayOutputStream ts = new ByteArrayOutputStream();
        tag(ts, 1, 0);
        varint(ts, at.getEpochSecond());
        tag(ts, 2, 0);
        varint(ts, at.getNano());
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        bytes(entry, 1, ts.toByteArray());
        bytes(entry, 2, line.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        bytes(stream, 1, labels.getBytes(StandardCharsets.UTF_8));
        bytes(stream, 2, entry.toByteArray());
        tag(stream, 3, 0);
        varint(stream, 12345);
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        bytes(req, 1, stream.toByteArray());
        return req.toByteArray();
    }

    /** Snappy's block format with literals only (valid snappy; what a compressor emits for incompressible data). */
    static byte[] snappyLiteral(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, raw.length);
        for (int off = 0; off < raw.length; off += 60) {
            int len = Math.min(60, raw.length - off);
            out.write((len - 1) << 2);
            out.write(raw, off, len);
        }
        return out.toByteArray();
    }

    static void tag(ByteArrayOutputStream out, int field, int type) {
        varint(out, (field << 3) | type);
    }

    static void bytes(ByteArrayOutputStream out, int field, byte[] b) {
        tag(out, field, 2);
        varint(out, b.length);
        out.write(b, 0, b.length);
    }

    static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
