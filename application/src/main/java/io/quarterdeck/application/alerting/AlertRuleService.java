package io.quarterdeck.application.alerting;

import io.quarterdeck.application.port.in.alerting.AlertsUseCase;
import io.quarterdeck.application.port.in.alerting.ManageAlertRulesUseCase;
import io.quarterdeck.application.port.in.alerting.RuleCommand;
import io.quarterdeck.application.port.out.alerting.AlertRepository;
import io.quarterdeck.application.port.out.alerting.AlertRuleRepository;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Rules and thresholds, and reading alerts; each call one transaction. */
@ApplicationScoped
public class AlertRuleService implements ManageAlertRulesUseCase, AlertsUseCase {
    private final AlertRuleRepository rules;
    private final AlertRepository alerts;
    private final Clock clock;

    @Inject
    public AlertRuleService(AlertRuleRepository rules, AlertRepository alerts, Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected AlertRuleService() {
        this(null, null, null);
    }

    @Override
    @Transactional
    public List<AlertRule> list() {
        return rules.list();
    }

    @Override
    @Transactional
    public AlertRule get(String id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("rule", id));
    }

    @Override
    @Transactional
    public AlertRule create(RuleCommand c) {
        measured(c);
        AlertRule rule = AlertRule.open("rule-" + UUID.randomUUID(), c.name(), c.condition(), c.severity(),
                c.enabled(), c.notifications(), c.repeatInterval(), clock.instant());
        rules.save(rule);
        return rule;
    }

    @Override
    @Transactional
    public AlertRule update(String id, RuleCommand c) {
        measured(c);
        AlertRule changed = get(id).change(c.name(), c.condition(), c.severity(), c.enabled(), c.notifications(),
                c.repeatInterval(), clock.instant());
        rules.save(changed);
        return changed;
    }

    /**
     * The container engine port reports each running container's CPU and memory, not its restart count: a threshold
     * on {@code container_restarts} could never fire, so it is refused rather than stored.
     */
    private static void measured(RuleCommand c) {
        if (c.condition() instanceof io.quarterdeck.domain.alerting.Condition.Metric m
                && m.metric().equals("container_restarts")) {
            throw new io.quarterdeck.domain.shared.InvalidFieldException("metric", "container_restarts is not"
                    + " measured (the container engine reports CPU and memory only); use container_cpu_percent or"
                    + " container_memory_percent");
        }
    }

    @Override
    @Transactional
    public void delete(String id) {
        get(id);
        for (Alert a : alerts.firingFor(id)) {
            alerts.save(a.resolve(clock.instant()));
        }
        rules.delete(id);
    }

    @Override
    @Transactional
    public List<Alert> firing(int limit) {
        return alerts.firing(limit);
    }

    @Override
    @Transactional
    public List<Alert> recent(int limit) {
        return alerts.recent(limit);
    }
}
