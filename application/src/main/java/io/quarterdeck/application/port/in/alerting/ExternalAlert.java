package io.quarterdeck.application.port.in.alerting;

import io.quarterdeck.domain.alerting.Severity;
import java.time.Instant;

/**
 * One alert from an external system (Prometheus Alertmanager), mapped from its wire format by the adapter;
 * {@code value} and {@code threshold} are 0 when the alert does not carry them.
 */
public record ExternalAlert(String fingerprint, String name, Severity severity, String service, String description,
                            boolean firing, Instant startsAt, Instant endsAt, double value, double threshold) {
}
