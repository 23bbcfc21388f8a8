package io.quarterdeck.server.archfixture;

/** Deliberately wrong: the composition root using the messaging adapter's technology. */
public class ServerPublishingToRabbitMq {
    com.rabbitmq.client.Channel channel;
}
