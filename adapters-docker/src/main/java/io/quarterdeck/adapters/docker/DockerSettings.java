package io.quarterdeck.adapters.docker;

import java.time.Duration;
import java.util.Objects;

/**
 * The Docker adapter's settings: the local engine's URL, how long a request/response call may take, how long the
 * container list waits for stats samples (a container whose sample is later is listed without usage), how long a
 * connection attempt may take, how many connections one engine client holds at most, and the Retry-After given
 * when an engine is unavailable.
 */
public record DockerSettings(String localUrl, Duration callTimeout, Duration statsTimeout, Duration connectTimeout,
                             int maxConnections, int retryAfterSeconds) {
    public DockerSettings {
        Objects.requireNonNull(localUrl, "localUrl");
        positive(callTimeout, "callTimeout");
        positive(statsTimeout, "statsTimeout");
        positive(connectTimeout, "connectTimeout");
        if (maxConnections < 2) {
            throw new IllegalArgumentException("an engine client needs at least 2 connections");
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After is at least 1 second");
        }
    }

    public static DockerSettings defaults() {
        return new DockerSettings("unix:///var/run/docker.sock", Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(3), 100, 5);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
