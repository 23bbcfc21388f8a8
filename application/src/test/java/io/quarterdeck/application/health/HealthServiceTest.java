package io.quarterdeck.application.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.application.port.out.health.DatabaseProbe;
import io.quarterdeck.application.port.out.health.DependencyProbe;
import io.quarterdeck.application.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
    private static final Instant T0 = Instant.parse("2025-01-20T10:30:00Z");

    private final TestClock clock = new TestClock(T0);

    /** Answers with the queued latency, or throws when the next answer is an exception. */
    private static final class Probe implements DatabaseProbe {
        final AtomicInteger pings = new AtomicInteger();
        volatile RuntimeException failure;
        volatile long latency = 3;

        @Override
        public long ping() {
            pings.incrementAndGet();
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return latency;
        }
    }

    private final Probe probe = new Probe();
    /** A named dependency: not configured, answering, or failing. */
    private record Dependency(String name, boolean configured, RuntimeException failure) implements DependencyProbe {
        @Override
        public long ping() {
            if (failure != null) {
                throw failure;
            }
            return 2;
        }
    }

    private final List<DependencyProbe> dependencies = new java.util.ArrayList<>();
    private final HealthService health = new HealthService(probe, dependencies, clock);

    @Test
    void dependencies_list_the_database_then_every_probe_by_name_without_making_readiness_depend_on_them() {
        dependencies.add(new Dependency("rabbitmq", true, new IllegalStateException("amqp://guest:secret@mq refused")));
        dependencies.add(new Dependency("docker", true, null));
        dependencies.add(new Dependency("loki", false, null));

        List<HealthCheck> checks = health.dependencies();

        assertEquals(List.of(
                new HealthCheck("database", true, Map.of("latency_ms", 3L)),
                new HealthCheck("docker", true, Map.of("configured", true, "latency_ms", 2L)),
                new HealthCheck("loki", false, Map.of("configured", false)),
                new HealthCheck("rabbitmq", false, Map.of("configured", true, "error", "rabbitmq does not answer"))),
                checks);
        assertTrue(health.readiness().get(0).up());
    }

    @Test
    void liveness_is_up_with_whole_seconds_since_start_and_never_asks_the_database() {
        clock.advance(Duration.ofMillis(90_900));

        List<HealthCheck> checks = health.liveness();

        assertEquals(List.of(new HealthCheck("process", true, Map.of("uptime_seconds", 90L))), checks);
        assertEquals(0, probe.pings.get());
    }

    @Test
    void readiness_is_up_with_the_latency_when_the_database_answers() {
        probe.latency = 7;

        List<HealthCheck> checks = health.readiness();

        assertEquals(List.of(new HealthCheck("database", true, Map.of("latency_ms", 7L))), checks);
    }

    @Test
    void readiness_is_down_when_the_database_does_not_answer_without_leaking_the_cause() {
        probe.failure = new IllegalStateException("connection to db.internal:5432 as quarterdeck/hunter2 refused");

        List<HealthCheck> checks = health.readiness();

        assertEquals(1, checks.size());
        HealthCheck database = checks.get(0);
        assertEquals("database", database.name());
        assertFalse(database.up());
        assertEquals(Map.of("error", "database does not answer"), database.data());
    }

    @Test
    void readiness_asks_the_database_on_every_call_and_follows_it_down_and_up() {
        assertTrue(health.readiness().get(0).up());
        probe.failure = new IllegalStateException("down");
        assertFalse(health.readiness().get(0).up());
        probe.failure = null;
        assertTrue(health.readiness().get(0).up());

        assertEquals(3, probe.pings.get());
    }
}
