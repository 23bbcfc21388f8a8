package io.quarterdeck.domain.containers;

import io.quarterdeck.domain.shared.DomainException;

/**
 * A container engine did not answer (refused, unreachable, timed out). Surfaces answer 503 with
 * {@code Retry-After}; nothing else in Quarterdeck depends on the engine.
 */
public class EngineUnavailableException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String engine;
    private final int retryAfterSeconds;

    public EngineUnavailableException(String engine, String reason, int retryAfterSeconds) {
        super("The container engine of " + engine + " is unavailable: " + reason);
        this.engine = engine;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The server id the engine belongs to ({@code local} for the local engine). */
    public String engine() {
        return engine;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
