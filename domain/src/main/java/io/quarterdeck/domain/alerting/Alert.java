package io.quarterdeck.domain.alerting;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing (or resolved) occurrence of a rule for one subject ({@code key}: the server of a metric threshold,
 * {@code *} for error rules, the label fingerprint of an Alertmanager alert). At most one alert per rule and key
 * fires at a time. {@code lastNotifiedAt} is when the firing or a repeat was last queued for the channels.
 */
public record Alert(String id, String ruleId, String key, String name, Severity severity, String service,
                    String description, boolean firing, Instant startedAt, Instant resolvedAt, double value,
                    double threshold, Instant lastNotifiedAt, String incidentId) {
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public static Alert fire(String id, AlertRule rule, String key, String service, double value, Instant now) {
        return new Alert(id, rule.id(), key, rule.name(), rule.severity(), service, rule.condition().describe(),
                true, now, null, value, rule.condition().threshold(), now, null);
    }

    public String status() {
        return firing ? "firing" : "resolved";
    }

    public Alert observed(double newValue) {
        return new Alert(id, ruleId, key, name, severity, service, description, firing, startedAt, resolvedAt,
                newValue, threshold, lastNotifiedAt, incidentId);
    }

    public Alert notified(Instant at) {
        return new Alert(id, ruleId, key, name, severity, service, description, firing, startedAt, resolvedAt, value,
                threshold, at, incidentId);
    }

    public Alert resolve(Instant at) {
        return new Alert(id, ruleId, key, name, severity, service, description, false, startedAt, at, value,
                threshold, lastNotifiedAt, incidentId);
    }

    public Alert attachedTo(String incident) {
        return new Alert(id, ruleId, key, name, severity, service, description, firing, startedAt, resolvedAt, value,
                threshold, lastNotifiedAt, incident);
    }
}
