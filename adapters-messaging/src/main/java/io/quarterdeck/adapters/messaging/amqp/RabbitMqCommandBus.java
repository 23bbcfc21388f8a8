package io.quarterdeck.adapters.messaging.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.quarterdeck.application.port.out.apps.CommandBusUnavailableException;
import io.quarterdeck.application.port.out.apps.CommandPublisher;
import io.quarterdeck.domain.apps.Command;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Publishes commands to the commands exchange: persistent, routing key {@code <group>.<app>}, message id the command
 * id, on a channel in confirm mode; returns only when the broker confirmed all of them. Any failure (broker down,
 * nack, no confirm within the timeout) drops the channel and throws the port's exception: the relay leaves the
 * commands pending and retries.
 */
final class RabbitMqCommandBus implements CommandPublisher {
    static final long CONFIRM_TIMEOUT_MILLIS = 10_000;
    private final AmqpSettings settings;
    private final RabbitMqConnection connection;
    private Channel channel;

    RabbitMqCommandBus(AmqpSettings settings, RabbitMqConnection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public synchronized void publish(List<Command> commands) {
        try {
            Channel ch = channel();
            for (Command c : commands) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/json").deliveryMode(2).messageId(c.id())
                        .type(CommandMessages.TYPE).timestamp(Date.from(c.issuedAt()))
                        .headers(Map.of("app", c.app(), "command", c.type().name(), "sequence", c.sequence()))
                        .build();
                ch.basicPublish(settings.commandsExchange(), c.routingKey(), false, props, CommandMessages.body(c));
            }
            ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        } catch (IOException | TimeoutException | RuntimeException e) {
            dropChannel();
            throw new CommandBusUnavailableException("RabbitMQ did not confirm " + commands.size() + " commands: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropChannel();
            throw new CommandBusUnavailableException("interrupted while waiting for confirms", e);
        }
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = connection.get().createChannel();
            channel.confirmSelect();
        }
        return channel;
    }

    private void dropChannel() {
        if (channel != null) {
            try {
                channel.abort();
            } catch (IOException | RuntimeException e) {
                // already gone
            }
            channel = null;
        }
        connection.closeQuietly();
    }
}
