/**
 * Notification channels behind {@code NotificationSender}: a signed JSON webhook, a Slack incoming webhook, e-mail
 * through Jakarta Mail over SMTP with STARTTLS, and Telegram's Bot API {@code sendMessage}.
 */
package io.quarterdeck.adapters.messaging.notifications;
