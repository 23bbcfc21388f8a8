package io.quarterdeck.domain.alerting;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rule: a name, a {@link Condition}, a severity, where to notify ({@code notifications}: channel ids, names or
 * types such as {@code webhook}) and how often to repeat a notification while the alert keeps firing.
 */
public record AlertRule(String id, String name, Condition condition, Severity severity, boolean enabled,
                        List<String> notifications, Duration repeatInterval, Instant createdAt, Instant updatedAt,
                        Instant lastTriggered) {
    public static final Duration DEFAULT_REPEAT = Duration.ofHours(1);

    public AlertRule {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "is required");
        }
        if (name.length() > 200) {
            throw new InvalidFieldException("name", "must be at most 200 characters");
        }
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        if (notifications.size() > 20) {
            throw new InvalidFieldException("notifications", "must name at most 20 channels");
        }
        for (String n : notifications) {
            if (n == null || n.isBlank() || n.length() > 200) {
                throw new InvalidFieldException("notifications", "must be channel ids, names or types");
            }
        }
        if (repeatInterval == null) {
            repeatInterval = DEFAULT_REPEAT;
        }
        if (repeatInterval.compareTo(Duration.ofMinutes(1)) < 0 || repeatInterval.compareTo(Windows.MAX) > 0) {
            throw new InvalidFieldException("repeat_interval", "must be between 1m and 30d");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new rule. */
    public static AlertRule open(String id, String name, Condition condition, Severity severity, boolean enabled,
                                 List<String> notifications, Duration repeatInterval, Instant now) {
        return new AlertRule(id, name, condition, severity, enabled, notifications, repeatInterval, now, now, null);
    }

    /** The rule with new settings; its id, creation time and trigger history stay. */
    public AlertRule change(String name, Condition condition, Severity severity, boolean enabled,
                            List<String> notifications, Duration repeatInterval, Instant now) {
        return new AlertRule(id, name, condition, severity, enabled, notifications, repeatInterval, createdAt, now,
                lastTriggered);
    }

    public AlertRule triggered(Instant at) {
        return new AlertRule(id, name, condition, severity, enabled, notifications, repeatInterval, createdAt,
                updatedAt, at);
    }

    public boolean isThreshold() {
        return condition instanceof Condition.Metric;
    }
}
