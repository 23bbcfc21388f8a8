/** Messaging adapters: notification channels (and, from issue 16, the RabbitMQ command bus). */
package io.quarterdeck.adapters.messaging;
