package io.quarterdeck.adapters.messaging.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;

/**
 * One connection to the broker, opened on first use and again after it broke (the client's own recovery is off: a
 * caller that fails sees the failure and retries through here). Declares the topology on every (re)connect: the
 * commands and reports topic exchanges, the reports queue with its dead-letter exchange and queue; all durable.
 */
final class RabbitMqConnection implements AutoCloseable {
    private final AmqpSettings settings;
    private final ConnectionFactory factory;
    private final ExecutorService consumerThreads;
    private Connection connection;

    RabbitMqConnection(AmqpSettings settings, ThreadFactory threads) {
        this.settings = settings;
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(settings.url());
        } catch (Exception e) {
            throw new IllegalArgumentException("quarterdeck.rabbitmq.url is not an amqp URI");
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(3_000);
        factory.setHandshakeTimeout(3_000);
        factory.setRequestedHeartbeat(10);
        factory.setThreadFactory(threads);
        this.consumerThreads = Executors.newFixedThreadPool(2, threads);
        factory.setSharedExecutor(consumerThreads);
    }

    /** The open connection, opened now when there is none or it broke. */
    synchronized Connection get() throws IOException {
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        closeQuietly();
        try {
            Connection c = factory.newConnection("quarterdeck");
            try (Channel ch = c.createChannel()) {
                declare(ch, settings);
            }
            connection = c;
            return c;
        } catch (TimeoutException e) {
            throw new IOException("timed out declaring the topology", e);
        }
    }

    static void declare(Channel ch, AmqpSettings s) throws IOException {
        ch.exchangeDeclare(s.commandsExchange(), BuiltinExchangeType.TOPIC, true);
        ch.exchangeDeclare(s.reportsExchange(), BuiltinExchangeType.TOPIC, true);
        ch.exchangeDeclare(s.deadLetterExchange(), BuiltinExchangeType.FANOUT, true);
        ch.queueDeclare(s.deadLetterQueue(), true, false, false, null);
        ch.queueBind(s.deadLetterQueue(), s.deadLetterExchange(), "");
        ch.queueDeclare(s.reportsQueue(), true, false, false,
                Map.of("x-dead-letter-exchange", s.deadLetterExchange()));
        ch.queueBind(s.reportsQueue(), s.reportsExchange(), "#");
    }

    synchronized void closeQuietly() {
        if (connection != null) {
            try {
                connection.abort(1_000);
            } catch (RuntimeException e) {
                // already gone
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
        consumerThreads.shutdownNow();
    }
}
