package io.quarterdeck.server;

import static io.quarterdeck.server.ConfigKey.RABBITMQ_COMMANDS_EXCHANGE;
import static io.quarterdeck.server.ConfigKey.RABBITMQ_RELAY_BATCH;
import static io.quarterdeck.server.ConfigKey.RABBITMQ_RELAY_INTERVAL_MS;
import static io.quarterdeck.server.ConfigKey.RABBITMQ_REPORTS_EXCHANGE;
import static io.quarterdeck.server.ConfigKey.RABBITMQ_REPORTS_QUEUE;
import static io.quarterdeck.server.ConfigKey.RABBITMQ_URL;

import io.quarterdeck.adapters.messaging.amqp.AmqpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** The messaging adapter's settings ({@code quarterdeck.rabbitmq.*}), read once at start. */
@ApplicationScoped
public class MessagingSettingsProducer {

    @Produces
    @Singleton
    AmqpSettings amqp(Config config) {
        return read(ConfigReader.of(config));
    }

    static AmqpSettings read(ConfigReader c) {
        return new AmqpSettings(c.optional(RABBITMQ_URL).orElse(null), c.text(RABBITMQ_COMMANDS_EXCHANGE),
                c.text(RABBITMQ_REPORTS_EXCHANGE), c.text(RABBITMQ_REPORTS_QUEUE), c.integer(RABBITMQ_RELAY_BATCH),
                Duration.ofMillis(c.whole(RABBITMQ_RELAY_INTERVAL_MS)));
    }
}
