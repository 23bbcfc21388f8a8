package io.quarterdeck.application.port.in.health;

import java.time.Instant;

/**
 * When this server process started (produced by the server from the JVM's start time), so every uptime it reports
 * counts from the same moment, not from the first request that happened to create a bean.
 */
public record ProcessStart(Instant at) {
}
