package io.quarterdeck.application.port.out.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification to one channel: queued ({@code pending}), then {@code sent} or, after its last attempt,
 * {@code failed} with the reason. The queue is the history.
 *
 * @param kind firing, repeat, resolved or test
 */
public record NotificationDelivery(String id, String channelId, String channelName, String channelType,
                                   String alertId, String ruleId, String kind, String severity, String title,
                                   String text, double value, double threshold, String status, int attempts,
                                   Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    public NotificationDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public NotificationDelivery sent(Instant at) {
        return new NotificationDelivery(id, channelId, channelName, channelType, alertId, ruleId, kind, severity,
                title, text, value, threshold, "sent", attempts + 1, null, lastError, createdAt, at);
    }

    /** Failed once more: retried at {@code retryAt}, or failed for good when that is null. */
    public NotificationDelivery failed(String reason, Instant retryAt) {
        return new NotificationDelivery(id, channelId, channelName, channelType, alertId, ruleId, kind, severity,
                title, text, value, threshold, retryAt == null ? "failed" : "pending", attempts + 1, retryAt,
                reason, createdAt, null);
    }
}
