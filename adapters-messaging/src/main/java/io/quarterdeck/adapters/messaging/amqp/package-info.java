/**
 * RabbitMQ: the command bus (publisher confirms, persistent messages, routing key {@code <group>.<app>}), the driver
 * of the outbox relay, the report listener with its dead-letter queue, and the {@code rabbitmq} health probe.
 */
package io.quarterdeck.adapters.messaging.amqp;
