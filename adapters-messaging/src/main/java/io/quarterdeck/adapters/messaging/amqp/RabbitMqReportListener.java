package io.quarterdeck.adapters.messaging.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.quarterdeck.domain.shared.DomainException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the reports queue with manual acknowledgements. A report that cannot be applied because it is malformed
 * or names an unknown app (a {@code DomainException}) is republished, with the reason in the header
 * {@code x-quarterdeck-reason}, to the dead-letter exchange and then acknowledged: it never blocks the queue. Any
 * other failure (the database is down) is nacked for redelivery after a pause. Redelivered reports change nothing
 * twice (the use cases are idempotent).
 */
final class RabbitMqReportListener {
    private static final Logger LOG = Logger.getLogger(RabbitMqReportListener.class.getName());
    static final String REASON_HEADER = "x-quarterdeck-reason";
    private final AmqpSettings settings;
    private final RabbitMqConnection connection;
    private final ReportDispatcher dispatcher;
    private Channel channel;

    RabbitMqReportListener(AmqpSettings settings, RabbitMqConnection connection, ReportDispatcher dispatcher) {
        this.settings = settings;
        this.connection = connection;
        this.dispatcher = dispatcher;
    }

    synchronized boolean running() {
        return channel != null && channel.isOpen();
    }

    /** Starts consuming when not consuming already (the connection may have broken); throws when the broker is down. */
    synchronized void ensureRunning() throws IOException {
        if (running()) {
            return;
        }
        Channel ch = connection.get().createChannel();
        ch.basicQos(200);
        ch.confirmSelect();
        ch.basicConsume(settings.reportsQueue(), false, "quarterdeck-reports", new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                    throws IOException {
                handle(getChannel(), envelope, props, body);
            }
        });
        channel = ch;
    }

    void handle(Channel ch, Envelope envelope, AMQP.BasicProperties props, byte[] body) throws IOException {
        try {
            dispatcher.dispatch(body);
            ch.basicAck(envelope.getDeliveryTag(), false);
        } catch (DomainException e) {
            deadLetter(ch, envelope, props, body, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a report could not be applied now; it will be redelivered", e);
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            ch.basicNack(envelope.getDeliveryTag(), false, true);
        }
    }

    private void deadLetter(Channel ch, Envelope envelope, AMQP.BasicProperties props, byte[] body, String reason)
            throws IOException {
        Map<String, Object> headers = new HashMap<>();
        if (props.getHeaders() != null) {
            headers.putAll(props.getHeaders());
        }
        headers.put(REASON_HEADER, reason == null ? "invalid report" : reason);
        headers.put("x-quarterdeck-routing-key", envelope.getRoutingKey());
        AMQP.BasicProperties dead = props.builder().headers(headers).deliveryMode(2).build();
        ch.basicPublish(settings.deadLetterExchange(), "", dead, body);
        try {
            ch.waitForConfirmsOrDie(10_000);
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            ch.basicNack(envelope.getDeliveryTag(), false, true);
            return;
        }
        ch.basicAck(envelope.getDeliveryTag(), false);
        LOG.info("dead-lettered a report: " + reason);
    }

    synchronized void stop() {
        if (channel != null) {
            try {
                channel.abort();
            } catch (IOException | RuntimeException e) {
                // gone
            }
            channel = null;
        }
    }
}
