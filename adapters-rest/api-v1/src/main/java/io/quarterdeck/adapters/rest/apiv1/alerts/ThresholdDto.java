package io.quarterdeck.adapters.rest.apiv1.alerts;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import java.util.List;

/** A metric threshold (seed 004's AlertThreshold); {@code server_id} null means every server, duration in seconds. */
public record ThresholdDto(String id, String name, String metric, String operator, double value, long duration,
                           String severity, String server_id, boolean enabled, List<String> notifications,
                           String last_triggered, String created_at, String updated_at) {
    public static ThresholdDto from(AlertRule r) {
        Condition.Metric m = (Condition.Metric) r.condition();
        return new ThresholdDto(r.id(), r.name(), m.metric(), m.operator().symbol(), m.threshold(),
                m.duration().getSeconds(), r.severity().wireName(), m.serverId(), r.enabled(), r.notifications(),
                r.lastTriggered() == null ? null : Times.format(r.lastTriggered()), Times.format(r.createdAt()),
                Times.format(r.updatedAt()));
    }
}
