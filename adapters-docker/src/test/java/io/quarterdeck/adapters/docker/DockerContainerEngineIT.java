package io.quarterdeck.adapters.docker;

import io.quarterdeck.adapters.docker.testing.DockerCli;
import io.quarterdeck.adapters.docker.testing.TcpToUnixRelay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.containers.ContainerEngine;
import io.quarterdeck.application.port.out.logs.ContainerLogSource;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerAction;
import io.quarterdeck.domain.containers.ContainerState;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import io.quarterdeck.domain.shared.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Docker adapter against the real engine that {@code scripts/services.sh} starts (unix:///var/run/docker.sock):
 * no engine fails these tests, it never skips them.
 */
class DockerContainerEngineIT {
    private static DockerEngines engines;
    private static ContainerEngine engine;
    private final DockerCli docker = new DockerCli();

    @BeforeAll
    static void open() {
        engines = new DockerEngines(DockerSettings.defaults());
        engine = engines.local();
    }

    @AfterAll
    static void close() {
        engines.closeAll();
    }

    @AfterEach
    void clean() {
        docker.removeAll();
    }

    private Container find(String name) {
        return engine.containers().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    @Test
    void lists_running_containers_with_usage_and_stopped_ones_without() {
        String busy = docker.start("busy", "while true; do :; done");
        String stopped = docker.start("stopped", "exit 0");
        waitFor(() -> docker.state(stopped).equals("exited"));
        Container running = find(busy);
        assertEquals(ContainerState.RUNNING, running.state());
        assertEquals(DockerCli.IMAGE, running.image());
        assertTrue(running.resources().memoryMb() > 0, "memory of a running container: " + running.resources());
        assertTrue(running.resources().cpuPercent() > 5, "a busy loop uses CPU: " + running.resources());
        assertTrue(running.created().isBefore(Instant.now().plusSeconds(5)));
        Container exited = find(stopped);
        assertEquals(ContainerState.EXITED, exited.state());
        assertEquals(0.0, exited.resources().memoryMb());
        assertEquals(0.0, exited.resources().cpuPercent());
    }

    @Test
    void each_action_leaves_the_state_it_names_and_repeating_one_is_harmless() {
        String name = docker.start("act", "trap 'exit 0' TERM; while true; do sleep 1; done");
        engine.act(name, ContainerAction.STOP);
        assertEquals("exited", docker.state(name));
        engine.act(name, ContainerAction.STOP); // the engine's 304: nothing to do, no error
        assertEquals("exited", docker.state(name));
        engine.act(name, ContainerAction.START);
        assertEquals("running", docker.state(name));
        engine.act(name, ContainerAction.START);
        String startedAt = DockerCli.run("inspect", "-f", "{{.State.StartedAt}}", name);
        engine.act(name, ContainerAction.RESTART);
        assertEquals("running", docker.state(name));
        assertFalse(startedAt.equals(DockerCli.run("inspect", "-f", "{{.State.StartedAt}}", name)),
                "a restart starts the container again");
        assertThrows(NotFoundException.class, () -> engine.act("qd18-no-such-container", ContainerAction.START));
    }

    @Test
    void logs_have_the_last_lines_of_stdout_and_stderr_with_timestamps() {
        String name = docker.start("logs", "for i in 1 2 3 4 5; do echo out-$i; done; sleep 1; echo err-6 >&2; sleep 60");
        waitFor(() -> engine.logs(name, 100).contains("err-6"));
        String last = engine.logs(name, 2);
        List<String> lines = last.lines().toList();
        assertEquals(2, lines.size(), last);
        assertTrue(lines.get(0).endsWith(" out-5"), last);
        assertTrue(lines.get(1).endsWith(" err-6"), last);
        Instant.parse(lines.get(0).substring(0, lines.get(0).indexOf(' ')));
        assertThrows(NotFoundException.class, () -> engine.logs("qd18-no-such-container", 10));
    }

    @Test
    void follow_passes_lines_as_they_come_and_ends_when_the_container_stops() throws Exception {
        String name = docker.start("follow", "echo first; sleep 2; echo second; sleep 2; echo third; sleep 600");
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (AutoCloseable handle = engine.followLogs(name, 10, seen::add, ended::countDown)) {
            waitFor(() -> seen.stream().anyMatch(l -> l.endsWith(" third\n")));
            assertTrue(seen.get(0).endsWith(" first\n"), seen.toString());
            DockerCli.run("stop", "-t", "1", name);
            assertTrue(ended.await(20, TimeUnit.SECONDS), "the follow ends when the container stops");
        }
    }

    @Test
    void a_terminal_runs_commands_resizes_and_ends_with_the_shell() throws Exception {
        String name = docker.start("tty", "sleep 600");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountDownLatch exited = new CountDownLatch(1);
        ContainerEngine.TerminalProcess tty = engine.exec(name, List.of("/bin/sh"), 80, 24,
                (data, off, len) -> {
                    synchronized (out) {
                        out.write(data, off, len);
                    }
                }, exited::countDown);
        send(tty, "echo hello-$((40+2))\r");
        try {
            waitFor(() -> text(out).contains("hello-42"));
        } catch (AssertionError e) {
            throw new AssertionError("terminal output: [" + text(out) + "] open=" + tty.isOpen(), e);
        }
        tty.resize(120, 40);
        send(tty, "stty size\r");
        try {
            waitFor(() -> text(out).contains("40 120"));
        } catch (AssertionError e) {
            throw new AssertionError("terminal output: [" + text(out) + "] open=" + tty.isOpen(), e);
        }
        send(tty, "exit\r");
        assertTrue(exited.await(10, TimeUnit.SECONDS), "the session ends when the shell exits");
        assertFalse(tty.isOpen());
    }

    @Test
    void a_tcp_engine_that_goes_away_is_unavailable_and_recovers_without_a_new_client() throws Exception {
        String name = docker.start("relay", "sleep 600");
        try (TcpToUnixRelay relay = new TcpToUnixRelay(Path.of("/var/run/docker.sock")).start()) {
            ContainerEngine remote = engines.of("srv-18", EngineEndpoint.of(relay.url()));
            assertTrue(remote.containers().stream().anyMatch(c -> c.name().equals(name)));
            relay.stop();
            EngineUnavailableException down = assertThrows(EngineUnavailableException.class, remote::containers);
            assertEquals("srv-18", down.engine());
            assertTrue(down.retryAfterSeconds() > 0);
            relay.start();
            assertTrue(remote.containers().stream().anyMatch(c -> c.name().equals(name)));
            assertTrue(engines.of("srv-18", EngineEndpoint.of(relay.url())).ping() >= 0);
        }
    }

    @Test
    void the_log_source_lists_running_containers_and_follows_lines_with_their_stream() throws Exception {
        String name = docker.start("source", "echo to-out; echo to-err >&2; sleep 600");
        ContainerLogSource source = new DockerContainerLogSource(engines);
        assertTrue(source.running().stream().anyMatch(c -> c.name().equals(name)));
        String id = source.running().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
        List<ContainerLogSource.ContainerLogLine> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (AutoCloseable handle = source.follow(id, null, lines::add, ended::countDown)) {
            waitFor(() -> lines.size() >= 2);
            assertEquals(1, ended.getCount(), "the stream of a running container goes on");
            DockerCli.run("restart", "-t", "0", name);
            assertTrue(ended.await(20, TimeUnit.SECONDS), "a restart ends the follow (the collector follows again)");
        }
        assertTrue(lines.stream().anyMatch(l -> l.stream().equals("stdout") && l.text().equals("to-out")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.stream().equals("stderr") && l.text().equals("to-err")), lines.toString());
        assertTrue(lines.get(0).timestamp().isAfter(Instant.now().minusSeconds(120)));
    }

    @Test
    void a_late_stats_sample_lists_the_container_without_usage_instead_of_stalling_the_list() {
        String name = docker.start("late", "sleep 600");
        DockerSettings d = DockerSettings.defaults();
        DockerEngines impatient = new DockerEngines(new DockerSettings(d.localUrl(), d.callTimeout(),
                java.time.Duration.ofMillis(1), d.connectTimeout(), d.maxConnections(), d.retryAfterSeconds()));
        try {
            long start = System.nanoTime();
            Container c = impatient.local().containers().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(ContainerState.RUNNING, c.state());
            assertEquals(0.0, c.resources().memoryMb(), "its sample (about 1 s) came after the 1 ms stats timeout");
            assertTrue(ms < 1000, "the list did not wait for the samples: " + ms + " ms");
        } finally {
            impatient.closeAll();
        }
    }

    @Test
    void the_docker_probe_pings_the_local_engine_and_an_absent_engine_fails_the_probe_not_the_caller() {
        DockerProbe probe = new DockerProbe(engines);
        assertEquals("docker", probe.name());
        assertTrue(probe.configured());
        assertTrue(probe.ping() >= 0);
        DockerSettings d = DockerSettings.defaults();
        DockerEngines nowhere = new DockerEngines(new DockerSettings("unix:///tmp/qd18-no-such.sock", d.callTimeout(),
                d.statsTimeout(), d.connectTimeout(), d.maxConnections(), d.retryAfterSeconds()));
        try {
            assertThrows(EngineUnavailableException.class, () -> new DockerProbe(nowhere).ping());
            assertThrows(EngineUnavailableException.class, () -> nowhere.local().containers());
        } finally {
            nowhere.closeAll();
        }
    }

    private static void send(ContainerEngine.TerminalProcess tty, String keys) {
        byte[] b = keys.getBytes(StandardCharsets.UTF_8);
        tty.input(b, 0, b.length);
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static void waitFor(BooleanSupplier condition) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
