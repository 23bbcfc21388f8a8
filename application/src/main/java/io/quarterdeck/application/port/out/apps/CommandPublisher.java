package io.quarterdeck.application.port.out.apps;

import io.quarterdeck.domain.apps.Command;
import java.util.List;

/** The command bus managers listen on (RabbitMQ). */
public interface CommandPublisher {
    /** False when no bus is configured: commands then stay in the outbox for managers to fetch. */
    boolean configured();

    /**
     * Publishes the commands in order, persistent, and returns once the bus confirmed every one; throws
     * {@link CommandBusUnavailableException} when it cannot (then some may have been published: consumers de-duplicate
     * on the command id).
     */
    void publish(List<Command> commands);
}
