/** Tests of the RabbitMQ adapter against the real broker (a virtual host of their own per run). */
package io.quarterdeck.adapters.messaging.amqp;
