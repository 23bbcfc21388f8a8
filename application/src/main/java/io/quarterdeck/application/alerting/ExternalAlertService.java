package io.quarterdeck.application.alerting;

import io.quarterdeck.application.port.in.alerting.ExternalAlert;
import io.quarterdeck.application.port.in.alerting.ReceiveExternalAlertsUseCase;
import io.quarterdeck.application.port.out.alerting.AlertRepository;
import io.quarterdeck.application.port.out.alerting.AlertRuleRepository;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Alerts from Prometheus Alertmanager. Each receiver has a rule of its own ({@code alertmanager-<receiver>}, created
 * on first use, never evaluated here) whose {@code notifications} an admin may set; an alert is keyed by
 * Alertmanager's fingerprint, so a repeated webhook keeps one alert and a resolved one resolves it.
 */
@ApplicationScoped
public class ExternalAlertService implements ReceiveExternalAlertsUseCase {
    private final AlertRuleRepository rules;
    private final AlertRepository alerts;
    private final Notifications notifications;
    private final Clock clock;

    @Inject
    public ExternalAlertService(AlertRuleRepository rules, AlertRepository alerts, Notifications notifications,
                                Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ExternalAlertService() {
        this(null, null, null, null);
    }

    @Override
    @Transactional
    public int receive(String receiver, List<ExternalAlert> incoming) {
        Instant now = clock.instant();
        String safe = receiver == null || receiver.isBlank() ? "default"
                : receiver.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (safe.length() > 60) {
            safe = safe.substring(0, 60);
        }
        String ruleId = "alertmanager-" + safe;
        AlertRule rule = rules.find(ruleId).orElse(null);
        if (rule == null) {
            rule = AlertRule.open(ruleId, "Alertmanager " + safe, new Condition.External("alertmanager"),
                    Severity.WARNING, true, List.of(), null, now);
            rules.save(rule);
        }
        Map<String, Alert> firing = new HashMap<>();
        for (Alert a : alerts.firingFor(ruleId)) {
            firing.put(a.key(), a);
        }
        int changed = 0;
        for (ExternalAlert e : incoming) {
            Alert current = firing.get(e.fingerprint());
            if (e.firing() && current == null) {
                Alert fresh = new Alert("alert-" + UUID.randomUUID(), ruleId, e.fingerprint(), e.name(),
                        e.severity(), e.service(), e.description(), true, e.startsAt() == null ? now : e.startsAt(),
                        null, e.value(), e.threshold(), now, null);
                alerts.save(fresh);
                firing.put(e.fingerprint(), fresh);
                notifications.queue(rule, fresh, "firing", now);
                rule = rule.triggered(now);
                changed++;
            } else if (!e.firing() && current != null) {
                Alert done = current.resolve(e.endsAt() == null ? now : e.endsAt());
                alerts.save(done);
                firing.remove(e.fingerprint());
                notifications.queue(rule, done, "resolved", now);
                changed++;
            }
        }
        if (rule.lastTriggered() != null && rule.lastTriggered().equals(now)) {
            rules.markTriggered(ruleId, now);
        }
        return changed;
    }
}
