package io.quarterdeck.application.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.logs.IngestLogsUseCase;
import io.quarterdeck.application.port.out.logs.ContainerLogSource;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The collector against an in-memory container engine: follows, labels, batches, resumes, lets go, survives a down store. */
class ContainerLogCollectorTest {
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    /** An engine whose containers and lines the test controls. */
    static final class Engine implements ContainerLogSource {
        final List<RunningContainer> running = new ArrayList<>();
        final Map<String, Consumer<ContainerLogLine>> sinks = new HashMap<>();
        final Map<String, Instant> followedSince = new HashMap<>();
        final Map<String, Runnable> endings = new HashMap<>();
        final List<String> closed = new ArrayList<>();
        int follows;

        @Override
        public List<RunningContainer> running() {
            return List.copyOf(running);
        }

        @Override
        public AutoCloseable follow(String containerId, Instant since, Consumer<ContainerLogLine> sink,
                                    Runnable ended) {
            sinks.put(containerId, sink);
            followedSince.put(containerId, since);
            endings.put(containerId, ended);
            follows++;
            return () -> closed.add(containerId);
        }

        void print(String id, int second, String stream, String text) {
            sinks.get(id).accept(new ContainerLogLine(id, T0.plusSeconds(second), stream, text));
        }
    }

    @Test
    void every_running_container_is_followed_and_its_lines_stored_with_its_name() {
        Engine engine = new Engine();
        InMemoryLogStore store = new InMemoryLogStore();
        IngestLogsUseCase ingest = store::appendAllCount;
        ContainerLogCollector collector = new ContainerLogCollector(engine, ingest, 1000);
        engine.running.add(new ContainerLogSource.RunningContainer("c1", "/web"));
        assertEquals(1, collector.sync());
        engine.print("c1", 1, "stdout", "GET / 200");
        engine.print("c1", 2, "stderr", "something broke");
        engine.print("c1", 3, "stdout", "[WARN] slow");
        assertEquals(3, collector.flush());
        LogEntry first = store.lines.get(0);
        assertEquals("web", first.service(), "the container's name, as Promtail labels it");
        assertEquals("web", first.container());
        assertEquals(LogLevel.INFO, first.level());
        assertEquals("stdout", first.labels().get("stream"));
        assertEquals(LogLevel.ERROR, store.lines.get(1).level(), "stderr without a level reads as ERROR");
        assertEquals(LogLevel.WARN, store.lines.get(2).level());
        assertEquals(0, collector.flush());
    }

    @Test
    void gone_containers_are_let_go_and_a_restarted_one_resumes_after_its_last_line() {
        Engine engine = new Engine();
        InMemoryLogStore store = new InMemoryLogStore();
        ContainerLogCollector collector = new ContainerLogCollector(engine, store::appendAllCount, 1000);
        engine.running.add(new ContainerLogSource.RunningContainer("c1", "web"));
        collector.sync();
        assertNull(engine.followedSince.get("c1"));
        engine.print("c1", 5, "stdout", "hello");
        engine.running.clear();
        assertEquals(0, collector.sync());
        assertEquals(List.of("c1"), engine.closed);
        engine.running.add(new ContainerLogSource.RunningContainer("c1", "web"));
        collector.sync();
        assertEquals(T0.plusSeconds(5), engine.followedSince.get("c1"), "no line twice, none lost");
    }

    @Test
    void a_container_whose_stream_ended_while_it_runs_is_followed_again_from_its_last_line() {
        Engine engine = new Engine();
        InMemoryLogStore store = new InMemoryLogStore();
        ContainerLogCollector collector = new ContainerLogCollector(engine, store::appendAllCount, 1000);
        engine.running.add(new ContainerLogSource.RunningContainer("c1", "web"));
        collector.sync();
        engine.print("c1", 7, "stdout", "before the restart");
        collector.sync();
        assertEquals(1, engine.follows, "a live stream is not followed twice");
        engine.endings.get("c1").run(); // docker restart: same id, the follow ends, the container runs again
        assertEquals(1, collector.sync());
        assertEquals(2, engine.follows, "followed again");
        assertEquals(T0.plusSeconds(7), engine.followedSince.get("c1"), "from its last collected line");
        engine.print("c1", 9, "stdout", "after the restart");
        assertEquals(2, collector.flush());
        assertEquals(List.of("before the restart", "after the restart"),
                store.lines.stream().map(LogEntry::message).toList());
    }

    @Test
    void lines_wait_while_the_store_is_down_and_the_oldest_go_beyond_the_bound() {
        Engine engine = new Engine();
        InMemoryLogStore store = new InMemoryLogStore();
        ContainerLogCollector collector = new ContainerLogCollector(engine, store::appendAllCount, 5);
        engine.running.add(new ContainerLogSource.RunningContainer("c1", "web"));
        collector.sync();
        store.failing = true;
        for (int i = 0; i < 4; i++) {
            engine.print("c1", i, "stdout", "l" + i);
        }
        assertEquals(0, collector.flush());
        for (int i = 4; i < 8; i++) {
            engine.print("c1", i, "stdout", "l" + i);
        }
        store.failing = false;
        assertEquals(5, collector.flush());
        assertEquals(3, collector.droppedLines());
        assertTrue(store.lines.stream().map(LogEntry::message).toList().containsAll(List.of("l7", "l6", "l5")));
    }
}
