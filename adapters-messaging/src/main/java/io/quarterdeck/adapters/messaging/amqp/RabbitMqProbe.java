package io.quarterdeck.adapters.messaging.amqp;

import io.quarterdeck.application.port.out.health.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Health of RabbitMQ ({@code rabbitmq}): not configured without a URL, else one round trip. */
@ApplicationScoped
public class RabbitMqProbe implements DependencyProbe {
    private final RabbitMqBroker broker;

    @Inject
    public RabbitMqProbe(RabbitMqBroker broker) {
        this.broker = broker;
    }

    /** For CDI proxies only. */
    protected RabbitMqProbe() {
        this(null);
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public boolean configured() {
        return broker.configured();
    }

    @Override
    public long ping() {
        return broker.ping();
    }
}
