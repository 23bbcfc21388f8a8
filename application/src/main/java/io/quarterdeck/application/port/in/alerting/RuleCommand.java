package io.quarterdeck.application.port.in.alerting;

import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Severity;
import java.time.Duration;
import java.util.List;

/** A rule's settings as a client gave them (validated by {@code AlertRule}). */
public record RuleCommand(String name, Condition condition, Severity severity, boolean enabled,
                          List<String> notifications, Duration repeatInterval) {
}
