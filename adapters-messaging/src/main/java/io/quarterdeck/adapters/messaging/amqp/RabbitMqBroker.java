package io.quarterdeck.adapters.messaging.amqp;

import com.rabbitmq.client.Channel;
import io.quarterdeck.application.port.in.apps.ReportUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;

/**
 * The one RabbitMQ connection of this instance and what uses it: the command bus and the report listener. Nothing
 * connects until first used, and nothing at all when {@code quarterdeck.rabbitmq.url} is unset.
 */
@ApplicationScoped
public class RabbitMqBroker {
    private final AmqpSettings settings;
    private final RabbitMqConnection connection;
    private final RabbitMqCommandBus bus;
    private final RabbitMqReportListener listener;

    @Inject
    public RabbitMqBroker(AmqpSettings settings, ThreadFactory threads, ReportUseCase reports) {
        this.settings = settings;
        this.connection = settings == null || !settings.configured() ? null : new RabbitMqConnection(settings, threads);
        this.bus = connection == null ? null : new RabbitMqCommandBus(settings, connection);
        this.listener = connection == null ? null
                : new RabbitMqReportListener(settings, connection, new ReportDispatcher(reports), threads);
    }

    /** For CDI proxies only. */
    protected RabbitMqBroker() {
        this.settings = null;
        this.connection = null;
        this.bus = null;
        this.listener = null;
    }

    public boolean configured() {
        return connection != null;
    }

    AmqpSettings settings() {
        return settings;
    }

    RabbitMqCommandBus bus() {
        return bus;
    }

    /** Starts the report listener when it is not running (first time, or after the connection broke). */
    void ensureListening() throws IOException {
        if (listener != null) {
            listener.ensureRunning();
        }
    }

    /** A round trip: a channel opened and a passive declare of the commands exchange; milliseconds. */
    long ping() {
        long start = System.nanoTime();
        try (Channel ch = connection.get().createChannel()) {
            ch.exchangeDeclarePassive(settings.commandsExchange());
        } catch (IOException | TimeoutException e) {
            connection.closeQuietly();
            throw new IllegalStateException("RabbitMQ does not answer: " + e.getClass().getSimpleName(), e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @PreDestroy
    void close() {
        if (listener != null) {
            listener.stop();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
