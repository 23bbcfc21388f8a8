package io.quarterdeck.application.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.logs.LogSettings;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Ingestion scrubs before storing and tells followers after; a slow follower loses the oldest lines, counted. */
class LogServiceTest {
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    final InMemoryLogStore store = new InMemoryLogStore();

    LogSettings settings(int buffer) {
        return new LogSettings(Duration.ofHours(1), 5, List.of("password", "token"), buffer, true,
                Duration.ofMinutes(10));
    }

    @Test
    void lines_are_scrubbed_before_storage_and_a_page_of_an_unknown_source_is_a_404() {
        LogFeed feed = new LogFeed(settings(10), Executors.defaultThreadFactory());
        LogService service = new LogService(store, feed, settings(10), Clock.fixed(T0, ZoneOffset.UTC));
        service.ingest(List.of(LogEntry.received(T0, LogLevel.INFO, "api", null, null, null,
                "login password=hunter2 card 4111 1111 1111 1111 ok", Map.of("auth_token", "abc", "user", "bob"))));
        LogEntry stored = store.lines.get(0);
        assertEquals("login password=[Filtered] card ************1111 ok", stored.message());
        assertEquals("[Filtered]", stored.labels().get("auth_token"));
        assertEquals("bob", stored.labels().get("user"));
        assertThrows(NotFoundException.class, () -> service.ofSource(new LogQuery("nobody", null, null, null, null,
                null, null, 10, 0)));
        assertEquals(1, service.ofSource(new LogQuery("api", null, null, null, null, null, null, 10, 0)).total());
        feed.stop();
    }

    @Test
    void retention_removes_by_age_then_by_count() {
        LogService service = new LogService(store, new LogFeed(settings(10), Executors.defaultThreadFactory()),
                settings(10), Clock.fixed(T0, ZoneOffset.UTC));
        for (int i = 0; i < 10; i++) {
            service.ingest(List.of(LogEntry.received(T0.minus(Duration.ofMinutes(10L * i)), LogLevel.INFO, "a",
                    null, null, null, "l" + i, Map.of())));
        }
        assertEquals(5, service.purge(), "3 older than an hour, then 2 over the cap of 5");
        assertEquals(5, store.lines.size());
    }

    @Test
    void a_follower_gets_matching_lines_in_order_and_a_slow_one_is_told_what_it_lost() throws Exception {
        LogFeed feed = new LogFeed(settings(3), Executors.defaultThreadFactory());
        LogService service = new LogService(store, feed, settings(3), Clock.fixed(T0, ZoneOffset.UTC));
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        AtomicLong lost = new AtomicLong();
        CountDownLatch release = new CountDownLatch(1);
        feed.follow(new LogQuery("api", null, LogLevel.WARN, null, null, null, null, 1, 0), entry -> {
            try {
                release.await(5, TimeUnit.SECONDS); // a slow socket
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(entry.message());
        }, lost::addAndGet);
        service.ingest(List.of(line("api", LogLevel.ERROR, "first"), line("api", LogLevel.INFO, "quiet"),
                line("other", LogLevel.ERROR, "not mine")));
        Thread.sleep(200); // "first" is being delivered and blocks
        for (int i = 0; i < 10; i++) {
            service.ingest(List.of(line("api", LogLevel.WARN, "w" + i)));
        }
        release.countDown();
        assertEquals("first", got.poll(5, TimeUnit.SECONDS));
        assertEquals("w7", got.poll(5, TimeUnit.SECONDS), "the oldest waiting lines went");
        assertEquals("w8", got.poll(5, TimeUnit.SECONDS));
        assertEquals("w9", got.poll(5, TimeUnit.SECONDS));
        assertEquals(7, lost.get());
        assertTrue(got.isEmpty());
        feed.stop();
    }

    static LogEntry line(String service, LogLevel level, String message) {
        return LogEntry.received(T0, level, service, null, null, null, message, Map.of());
    }
}
