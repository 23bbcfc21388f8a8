package io.quarterdeck.adapters.rest.apiv1.notifications;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;

/** One notification: pending, sent, or failed with the reason ({@code error}). */
public record DeliveryDto(String id, String channel_id, String channel_name, String channel_type, String kind,
                          String status, String title, String message, String severity, String alert_id,
                          String rule_id, int attempts, String error, String created_at, String sent_at,
                          String next_attempt_at) {
    public static DeliveryDto from(NotificationDelivery d) {
        return new DeliveryDto(d.id(), d.channelId(), d.channelName(), d.channelType(), d.kind(), d.status(),
                d.title(), d.text(), d.severity(), d.alertId(), d.ruleId(), d.attempts(), d.lastError(),
                Times.format(d.createdAt()), d.sentAt() == null ? null : Times.format(d.sentAt()),
                d.nextAttemptAt() == null || !d.status().equals("pending") ? null : Times.format(d.nextAttemptAt()));
    }
}
