package io.quarterdeck.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.logs.LogStore;
import io.quarterdeck.domain.logs.AppGlob;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of {@link LogStore} must do (the built-in store on H2 and PostgreSQL; Loki). */
public abstract class LogStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A store over the shared database, emptied. */
    protected abstract LogStore store();

    protected abstract void deleteEverything();

    @BeforeEach
    void empty() {
        deleteEverything();
    }

    static LogEntry line(int second, LogLevel level, String service, String message) {
        return LogEntry.received(T0.plusSeconds(second), level, service, null, null, null, message,
                Map.of("request_id", "r-" + second));
    }

    static LogQuery all(int limit) {
        return new LogQuery(null, null, null, null, null, null, null, limit, 0);
    }

    @Test
    void lines_read_back_whole_newest_first_with_ids_growing() {
        LogEntry withEverything = LogEntry.received(T0.plusMillis(1_500), LogLevel.WARN, "api", "api-1", "local",
                "scraper_de", "disk \"almost\" full\n\tsecond line ü €", Map.of("k", "v\"q", "path", "/a\\b"));
        List<LogEntry> stored = store().appendAll(List.of(line(0, LogLevel.INFO, "api", "first"), withEverything));
        assertEquals(2, stored.size());
        assertTrue(stored.get(1).id() > stored.get(0).id(), "ids grow with arrival");

        LogPage page = store().search(all(10));
        assertEquals(2, page.total());
        assertFalse(page.hasMore());
        LogEntry back = page.entries().get(0);
        assertEquals(withEverything.withId(back.id()), back);
        assertEquals("first", page.entries().get(1).message());
    }

    @Test
    void a_large_batch_lands_whole_each_line_with_its_own_id_in_order() {
        // 1,000 lines, as a push of a shipper: more than one statement of the store's multi-row inserts, with a tail
        List<LogEntry> lines = new ArrayList<>();
        for (int i = 0; i < 1_037; i++) {
            lines.add(LogEntry.received(T0.plusMillis(i), i % 7 == 0 ? LogLevel.WARN : LogLevel.INFO, "bulk",
                    i % 2 == 0 ? "bulk-1" : null, null, i % 5 == 0 ? "bulk_app" : null, "bulk line " + i,
                    Map.of("n", Integer.toString(i))));
        }
        List<LogEntry> stored = store().appendAll(lines);
        assertEquals(lines.size(), stored.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(lines.get(i).withId(stored.get(i).id()), stored.get(i), "line " + i + " keeps its content");
            if (i > 0) {
                assertTrue(stored.get(i).id() > stored.get(i - 1).id(), "ids grow in the batch's order at " + i);
            }
        }
        LogPage newest = store().search(all(1));
        assertEquals(lines.size(), newest.total());
        assertEquals(stored.get(lines.size() - 1), newest.entries().get(0));
        assertEquals(519, store().search(new LogQuery("bulk-1", null, null, null, null, null, null, 1, 0)).total());
        assertEquals(208, store().search(new LogQuery("bulk_app", null, null, null, null, null, null, 1, 0)).total());
    }

    @Test
    void filters_by_source_level_time_and_search_and_pages_with_a_total() {
        List<LogEntry> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(line(i, i % 3 == 0 ? LogLevel.ERROR : LogLevel.INFO, i % 2 == 0 ? "api" : "worker",
                    i == 17 ? "the rare ZEPHYR word" : "line " + i));
        }
        lines.add(LogEntry.received(T0.plusSeconds(40), LogLevel.CRITICAL, "db", "db-1", "node-7", "scraper_fr",
                "down", Map.of()));
        store().appendAll(lines);

        LogPage api = store().search(new LogQuery("api", null, null, null, null, null, null, 5, 0));
        assertEquals(15, api.total());
        assertTrue(api.hasMore());
        assertEquals(5, api.entries().size());
        assertEquals(T0.plusSeconds(28), api.entries().get(0).timestamp());

        LogPage second = store().search(new LogQuery("api", null, null, null, null, null, null, 5, 10));
        assertEquals(5, second.entries().size());
        assertFalse(second.hasMore());
        assertEquals(15, second.total());

        assertEquals(1, store().search(new LogQuery("node-7", null, null, null, null, null, null, 10, 0)).total(),
                "a server name is a source id too");
        assertEquals(1, store().search(new LogQuery("db-1", null, null, null, null, null, null, 10, 0)).total(),
                "so is a container name");

        LogPage errorsUp = store().search(new LogQuery(null, null, LogLevel.ERROR, null, null, null, null, 100, 0));
        assertEquals(11, errorsUp.total(), "ten ERROR and one CRITICAL");
        LogPage exactlyError = store().search(new LogQuery(null, null, null, LogLevel.ERROR, null, null, null, 100, 0));
        assertEquals(10, exactlyError.total());

        LogPage window = store().search(new LogQuery(null, null, null, null, T0.plusSeconds(10), T0.plusSeconds(19),
                null, 100, 0));
        assertEquals(10, window.total());

        LogPage rare = store().search(new LogQuery(null, null, null, null, null, null, "zephyr", 100, 0));
        assertEquals(1, rare.total());
        assertEquals("the rare ZEPHYR word", rare.entries().get(0).message());

        LogPage percent = store().search(new LogQuery(null, null, null, null, null, null, "100%", 100, 0));
        assertEquals(0, percent.total(), "LIKE wildcards in the search are literal");

        LogPage glob = store().search(new LogQuery(null, new AppGlob("scraper_*"), null, null, null, null, null,
                100, 0));
        assertEquals(1, glob.total());
        LogPage globUnderscore = store().search(new LogQuery(null, new AppGlob("wor?er"), null, null, null, null,
                null, 100, 0));
        assertEquals(15, globUnderscore.total());
    }

    @Test
    void sources_know_every_name_with_the_latest_level() {
        store().appendAll(List.of(line(0, LogLevel.INFO, "api", "a"), line(5, LogLevel.WARN, "api", "b")));
        store().appendAll(List.of(line(3, LogLevel.ERROR, "api", "older, arrives late"),
                LogEntry.received(T0, LogLevel.DEBUG, "worker", "worker-c", null, null, "w", Map.of())));
        List<LogSourceSummary> sources = store().sources();
        assertEquals(List.of("api", "worker", "worker-c"), sources.stream().map(LogSourceSummary::id).toList());
        LogSourceSummary api = sources.get(0);
        assertEquals(3, api.lines());
        assertEquals(T0.plusSeconds(5), api.lastSeen());
        assertEquals(LogLevel.WARN, api.lastLevel(), "the latest line by time, not by arrival");
        assertTrue(store().knows("worker-c"));
        assertFalse(store().knows("nobody"));
    }

    @Test
    void retention_by_age_and_by_size() {
        List<LogEntry> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(line(i, LogLevel.INFO, i < 5 ? "old" : "new", "l" + i));
        }
        store().appendAll(lines);
        assertEquals(5, store().deleteOlderThan(T0.plusSeconds(5)));
        assertFalse(store().knows("old"), "a source with no line left in the window is forgotten");
        assertEquals(15, store().search(all(100)).total());
        assertEquals(5, store().trimTo(10));
        LogPage left = store().search(all(100));
        assertEquals(10, left.total());
        assertEquals(T0.plusSeconds(10), left.entries().get(9).timestamp(), "the oldest went first");
        assertEquals(0, store().trimTo(10));
    }

    @Test
    void concurrent_appends_of_the_same_sources_all_land() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < 5; b++) {
                        List<LogEntry> batch = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            batch.add(line(thread * 1000 + b * 50 + i, LogLevel.INFO, i % 2 == 0 ? "a" : "b", "x"));
                        }
                        store().appendAll(batch);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1000, store().search(all(10)).total());
        assertEquals(500, store().sources().get(0).lines());
    }
}
