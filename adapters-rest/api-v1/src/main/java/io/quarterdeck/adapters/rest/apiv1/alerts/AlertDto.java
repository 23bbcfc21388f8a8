package io.quarterdeck.adapters.rest.apiv1.alerts;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.alerting.Alert;

/** An alert in seed 000's fields ({@code id, name, severity, service, description, started_at, value, threshold}). */
public record AlertDto(String id, String name, String severity, String service, String description,
                       String started_at, double value, double threshold, String status, String resolved_at,
                       String rule_id, String incident_id) {
    public static AlertDto from(Alert a) {
        return new AlertDto(a.id(), a.name(), a.severity().wireName(), a.service(), a.description(),
                Times.format(a.startedAt()), a.value(), a.threshold(), a.status(),
                a.resolvedAt() == null ? null : Times.format(a.resolvedAt()), a.ruleId(), a.incidentId());
    }
}
