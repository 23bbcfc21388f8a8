package io.quarterdeck.application.port.out.health;

/**
 * A probe of one external service Quarterdeck talks to besides its database: the message broker, a Docker engine,
 * Loki, Prometheus, Grafana. Each adapter that talks to such a service contributes one (a CDI bean); health and
 * monitoring use cases ask every probe, so a new service shows up without editing them.
 */
public interface DependencyProbe {
    /** A stable, lower-case name: {@code rabbitmq}, {@code docker}, {@code loki}, {@code prometheus}, ... */
    String name();

    /** False when the site does not use this service (no URL configured): it is then reported as not configured. */
    boolean configured();

    /** One real round trip; returns its latency in milliseconds and throws when the service does not answer. */
    long ping();
}
