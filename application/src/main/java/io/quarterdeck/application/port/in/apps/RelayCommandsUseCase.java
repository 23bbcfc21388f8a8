package io.quarterdeck.application.port.in.apps;

/** Moves commands from the outbox to the command bus; the relay's schedule drives it. */
public interface RelayCommandsUseCase {
    /**
     * Publishes up to {@code max} pending commands in order and marks them sent once the bus confirmed them, in one
     * transaction; returns how many were sent (0 when none wait or no bus is configured). A bus that is down leaves
     * them pending and throws the port's {@code CommandBusUnavailableException}.
     */
    int relay(int max);

    long pending();
}
