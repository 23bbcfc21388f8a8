package io.quarterdeck.application.port.out.health;

/** Checks that the database answers. */
public interface DatabaseProbe {
    /** Round-trip latency in milliseconds; throws when the database does not answer. */
    long ping();
}
