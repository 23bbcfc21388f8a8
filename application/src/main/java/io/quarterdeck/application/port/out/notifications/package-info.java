/** Out-ports of notifications: channels, the delivery log (outbox and history), the sender, the secret cipher. */
package io.quarterdeck.application.port.out.notifications;
