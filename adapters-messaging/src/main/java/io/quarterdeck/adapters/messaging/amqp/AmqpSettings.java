package io.quarterdeck.adapters.messaging.amqp;

import java.time.Duration;
import java.util.Objects;

/**
 * The RabbitMQ adapter's settings ({@code quarterdeck.rabbitmq.*}), produced by the composition root.
 *
 * @param url              amqp URI ({@code amqp://user:pass@host:5672/vhost}); null when RabbitMQ is not used
 * @param commandsExchange topic exchange commands are published to
 * @param reportsExchange  topic exchange managers publish reports to
 * @param reportsQueue     the queue Quarterdeck consumes reports from; its dead letters go to {@code <queue>.dead}
 * @param relayBatch       commands the relay publishes per confirm round
 * @param relayInterval    how often the relay looks for pending commands when nothing woke it
 */
public record AmqpSettings(String url, String commandsExchange, String reportsExchange, String reportsQueue,
                           int relayBatch, Duration relayInterval) {
    public AmqpSettings {
        url = url == null || url.isBlank() ? null : url.strip();
        Objects.requireNonNull(commandsExchange, "commandsExchange");
        Objects.requireNonNull(reportsExchange, "reportsExchange");
        Objects.requireNonNull(reportsQueue, "reportsQueue");
        if (relayBatch < 1 || relayBatch > 10_000) {
            throw new IllegalArgumentException("quarterdeck.rabbitmq.relay-batch must be 1 to 10000, not " + relayBatch);
        }
        if (relayInterval == null || relayInterval.isNegative() || relayInterval.isZero()) {
            throw new IllegalArgumentException("quarterdeck.rabbitmq.relay-interval-ms must be more than 0");
        }
    }

    public boolean configured() {
        return url != null;
    }

    public String deadLetterExchange() {
        return reportsQueue + ".dlx";
    }

    public String deadLetterQueue() {
        return reportsQueue + ".dead";
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "AmqpSettings[url=" + (url == null ? null : url.replaceAll("//[^@/]*@", "//***@"))
                + ", commandsExchange=" + commandsExchange + ", reportsQueue=" + reportsQueue + "]";
    }
}
