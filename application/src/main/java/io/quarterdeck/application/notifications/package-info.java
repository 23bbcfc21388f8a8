/** Notification services: channel management with sealed secrets, the dispatcher with retries. */
package io.quarterdeck.application.notifications;
