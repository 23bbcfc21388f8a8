package io.quarterdeck.adapters.messaging.amqp;

import io.quarterdeck.application.port.out.apps.CommandPublisher;
import io.quarterdeck.domain.apps.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The command bus port: RabbitMQ when configured; not configured otherwise (commands stay in the outbox). */
@ApplicationScoped
public class AmqpCommandPublisher implements CommandPublisher {
    private final RabbitMqBroker broker;

    @Inject
    public AmqpCommandPublisher(RabbitMqBroker broker) {
        this.broker = broker;
    }

    /** For CDI proxies only. */
    protected AmqpCommandPublisher() {
        this(null);
    }

    @Override
    public boolean configured() {
        return broker.configured();
    }

    @Override
    public void publish(List<Command> commands) {
        if (!broker.configured()) {
            throw new IllegalStateException("no command bus is configured");
        }
        broker.bus().publish(commands);
    }
}
