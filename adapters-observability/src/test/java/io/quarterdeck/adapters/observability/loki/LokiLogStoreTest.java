package io.quarterdeck.adapters.observability.loki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarterdeck.application.port.out.logs.LogStoreUnavailableException;
import io.quarterdeck.domain.logs.AppGlob;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Loki store against a local HTTP server that answers with Loki's documented response shapes (Loki itself cannot
 * be installed here): push (204), query_range (a {@code streams} result), label values, ready; and a Loki that does
 * not answer.
 */
class LokiLogStoreTest {
    HttpServer loki;
    final Map<String, String> seen = new ConcurrentHashMap<>();
    LokiLogStore store;

    static final String QUERY_RANGE = """
            {"status":"success","data":{"resultType":"streams","result":[
              {"stream":{"service":"api","level":"ERROR","server":"node-1"},
               "values":[["1764669600000000000","ERROR upstream refused"],["1764669590000000000","ERROR timed out"]]},
              {"stream":{"service":"api","level":"CRITICAL"},
               "values":[["1764669595000000000","CRITICAL disk failed",{"trace_id":"t-1"}]]}
            ],"stats":{}}}""";

    @BeforeEach
    void start() throws Exception {
        loki = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        loki.createContext("/loki/api/v1/push", x -> {
            seen.put("push", new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            seen.put("push-type", x.getRequestHeaders().getFirst("Content-Type"));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        loki.createContext("/loki/api/v1/query_range", x -> {
            seen.put("query", x.getRequestURI().getRawQuery());
            byte[] body = QUERY_RANGE.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        loki.createContext("/loki/api/v1/label/service/values", x -> {
            byte[] body = "{\"status\":\"success\",\"data\":[\"worker\",\"api\"]}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        loki.createContext("/ready", x -> {
            byte[] body = "ready\n".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        loki.start();
        store = new LokiLogStore(Optional.of(URI.create("http://127.0.0.1:" + loki.getAddress().getPort())),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        loki.stop(0);
    }

    @Test
    void lines_are_pushed_as_streams_labelled_by_source_and_level() {
        Instant at = Instant.parse("2026-12-02T10:00:00.000123Z");
        store.appendAll(List.of(
                LogEntry.received(at, LogLevel.ERROR, "api", null, "node-1", null, "boom", Map.of("request_id", "r1")),
                LogEntry.received(at.plusSeconds(1), LogLevel.ERROR, "api", null, "node-1", null, "again", Map.of()),
                LogEntry.received(at, LogLevel.INFO, "worker", null, null, null, "fine", Map.of())));
        assertEquals("application/json", seen.get("push-type"));
        JsonObject body = Json.createReader(new StringReader(seen.get("push"))).readObject();
        var streams = body.getJsonArray("streams");
        assertEquals(2, streams.size(), "one stream per label set");
        JsonObject api = streams.getJsonObject(0);
        assertEquals(Json.createObjectBuilder().add("service", "api").add("level", "ERROR").add("server", "node-1")
                .build(), api.getJsonObject("stream"));
        assertEquals("1796205600000123000", api.getJsonArray("values").getJsonArray(0).getString(0));
        assertEquals("boom", api.getJsonArray("values").getJsonArray(0).getString(1));
        assertEquals("r1", api.getJsonArray("values").getJsonArray(0).getJsonObject(2).getString("request_id"),
                "labels travel as structured metadata");
    }

    @Test
    void a_query_becomes_logql_and_streams_become_lines_newest_first() {
        Instant from = Instant.parse("2026-12-02T09:00:00Z");
        Instant to = Instant.parse("2026-12-02T10:00:00Z");
        LogPage page = store.search(new LogQuery("api", null, LogLevel.ERROR, null, from, to, "time.out\"", 2, 0));
        String query = URLDecoder.decode(seen.get("query"), StandardCharsets.UTF_8);
        assertTrue(query.contains("query={service=\"api\", level=~\"ERROR|CRITICAL\"} |~ \"(?i)time\\\\.out\\\"\""),
                query);
        assertTrue(query.contains("start=1796202000000000000"), query);
        assertTrue(query.contains("limit=3") && query.contains("direction=backward"), query);

        assertEquals(2, page.entries().size());
        assertTrue(page.hasMore());
        LogEntry newest = page.entries().get(0);
        assertEquals("ERROR upstream refused", newest.message());
        assertEquals(LogLevel.ERROR, newest.level());
        assertEquals("node-1", newest.server());
        assertEquals(Instant.ofEpochSecond(1764669600L), newest.timestamp());
        LogEntry second = page.entries().get(1);
        assertEquals(LogLevel.CRITICAL, second.level());
        assertEquals("t-1", second.labels().get("trace_id"));
    }

    @Test
    void a_glob_becomes_a_regex_matcher_and_sources_come_from_label_values() {
        store.search(new LogQuery(null, new AppGlob("scraper_*"), null, null, null, null, null, 10, 0));
        String query = URLDecoder.decode(seen.get("query"), StandardCharsets.UTF_8);
        assertTrue(query.contains("query={service=~\"scraper_.*\"}"), query);
        assertEquals(List.of("api", "worker"), store.sources().stream().map(s -> s.id()).toList());
        assertTrue(store.knows("worker"));
        assertFalse(store.knows("nobody"));
        assertTrue(new LokiProbe(store).ping() >= 0);
    }

    @Test
    void a_loki_that_does_not_answer_is_unavailable() {
        loki.stop(0);
        assertThrows(LogStoreUnavailableException.class,
                () -> store.search(new LogQuery("api", null, null, null, null, null, null, 10, 0)));
        assertThrows(LogStoreUnavailableException.class, () -> store.appendAll(List.of(
                LogEntry.received(Instant.now(), LogLevel.INFO, "api", null, null, null, "x", Map.of()))));
        assertThrows(LogStoreUnavailableException.class, () -> new LokiProbe(store).ping());
    }
}
