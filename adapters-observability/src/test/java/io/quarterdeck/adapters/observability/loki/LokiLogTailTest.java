package io.quarterdeck.adapters.observability.loki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogQuery;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tail adapter against a local WebSocket server speaking Loki's {@code /loki/api/v1/tail} message format. */
class LokiLogTailTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private TinyWebSocketServer loki;
    private LokiLogTail tail;
    private final BlockingQueue<LogEntry> lines = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> dropped = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        loki = new TinyWebSocketServer();
        tail = new LokiLogTail(Optional.of(URI.create("http://127.0.0.1:" + loki.port())), Duration.ofSeconds(5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws Exception {
        tail.stop();
        loki.close();
    }

    private static String param(String target, String name) {
        for (String p : target.substring(target.indexOf('?') + 1).split("&")) {
            if (p.startsWith(name + "=")) {
                return URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void lines_and_dropped_entries_of_the_tail_reach_the_follower() throws Exception {
        LogQuery filter = new LogQuery("api", null, LogLevel.WARN, null, null, null, null, 1, 0);
        AutoCloseable handle = tail.tail(filter, lines::add, dropped::add).orElseThrow();
        try {
            TinyWebSocketServer.Connection c = loki.connections.poll(10, TimeUnit.SECONDS);
            assertNotNull(c, "the adapter opened Loki's tail");
            assertTrue(c.target().startsWith("/loki/api/v1/tail?"), c.target());
            assertEquals("{service=\"api\", level=~\"WARN|ERROR|CRITICAL\"}", param(c.target(), "query"));
            assertEquals(LokiLogStore.nanos(NOW), param(c.target(), "start"));
            assertEquals("0", param(c.target(), "delay_for"));
            c.sendText("{\"streams\":[{\"stream\":{\"service\":\"api\",\"level\":\"ERROR\",\"host\":\"node-1\"},"
                    + "\"values\":[[\"1796205600000000001\",\"upstream refused\"],[\"1796205600000000002\","
                    + "\"again\"]]}],\"dropped_entries\":[{\"labels\":{\"service\":\"api\"},\"timestamp\":"
                    + "\"1796205599000000000\"}]}");
            assertEquals(1L, dropped.poll(10, TimeUnit.SECONDS));
            LogEntry first = lines.poll(10, TimeUnit.SECONDS);
            assertNotNull(first);
            assertEquals("upstream refused", first.message());
            assertEquals("api", first.service());
            assertEquals(LogLevel.ERROR, first.level());
            assertEquals("node-1", first.labels().get("host"));
            assertEquals(LokiLogStore.instant("1796205600000000001").truncatedTo(java.time.temporal.ChronoUnit.MICROS), first.timestamp(),
                    "kept to the microsecond, as every line");
            assertEquals("again", lines.poll(10, TimeUnit.SECONDS).message());
        } finally {
            handle.close();
        }
    }

    @Test
    void a_tail_loki_drops_is_reopened_from_the_last_line_seen() throws Exception {
        LogQuery filter = new LogQuery(null, null, null, null, null, null, null, 1, 0);
        AutoCloseable handle = tail.tail(filter, lines::add, dropped::add).orElseThrow();
        try {
            TinyWebSocketServer.Connection c = loki.connections.poll(10, TimeUnit.SECONDS);
            assertNotNull(c);
            c.sendText("{\"streams\":[{\"stream\":{\"service\":\"db\"},\"values\":[[\"1796205600000000005\","
                    + "\"INFO one\"]]}]}");
            assertEquals("INFO one", lines.poll(10, TimeUnit.SECONDS).message());
            c.drop();
            TinyWebSocketServer.Connection again = loki.connections.poll(10, TimeUnit.SECONDS);
            assertNotNull(again, "reopened");
            assertEquals("1796205600000000006", param(again.target(), "start"), "from after the last line seen");
            again.sendText("{\"streams\":[{\"stream\":{\"service\":\"db\"},\"values\":[[\"1796205600000000007\","
                    + "\"INFO two\"]]}]}");
            assertEquals("INFO two", lines.poll(10, TimeUnit.SECONDS).message());
        } finally {
            handle.close();
        }
    }

    @Test
    void without_a_loki_url_the_sockets_follow_the_built_in_feed() {
        LokiLogTail none = new LokiLogTail(Optional.empty(), Duration.ofSeconds(1), Clock.systemUTC());
        assertTrue(none.tail(new LogQuery(null, null, null, null, null, null, null, 1, 0), l -> { }, d -> { })
                .isEmpty());
    }
}
