package io.quarterdeck.application.alerting;

import io.quarterdeck.application.port.out.alerting.AlertRepository;
import io.quarterdeck.application.port.out.alerting.AlertRuleRepository;
import io.quarterdeck.application.port.out.alerting.ErrorEventCounts;
import io.quarterdeck.application.port.out.alerting.ErrorGroupWatch;
import io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates one rule in one transaction: observe, compare, then fire, repeat or resolve its alerts and queue their
 * notifications together, so the alert state and the notifications it caused commit (or vanish) as one.
 */
@ApplicationScoped
public class RuleEvaluation {
    /** Alerts one "new group" or "regression" rule keeps firing at most (one per group; the newest groups). */
    static final int MAX_GROUP_ALERTS = 50;
    private final AlertRuleRepository rules;
    private final AlertRepository alerts;
    private final ErrorEventCounts counts;
    private final ErrorGroupWatch groups;
    private final ServiceCheckHistory checks;
    private final ThresholdReadings readings;
    private final Notifications notifications;

    @Inject
    public RuleEvaluation(AlertRuleRepository rules, AlertRepository alerts, ErrorEventCounts counts,
                          ErrorGroupWatch groups, ServiceCheckHistory checks, ThresholdReadings readings,
                          Notifications notifications) {
        this.rules = rules;
        this.alerts = alerts;
        this.counts = counts;
        this.groups = groups;
        this.checks = checks;
        this.readings = readings;
        this.notifications = notifications;
    }

    /** For CDI proxies only. */
    protected RuleEvaluation() {
        this(null, null, null, null, null, null, null);
    }

    /** Returns how many alerts changed state. */
    @Transactional
    public int evaluate(AlertRule rule, Instant now) {
        if (rule == null || !rule.enabled()) {
            return 0;
        }
        Map<String, Double> observed = new LinkedHashMap<>();
        Map<String, Boolean> holds = new HashMap<>();
        Map<String, String> services = new HashMap<>();
        if (rule.condition() instanceof Condition.ErrorCount c) {
            double value = counts.count(c, now.minus(c.window()));
            observed.put("*", value);
            holds.put("*", c.operator().holds(value, c.threshold()));
            services.put("*", c.source() != null ? c.source() : "errors");
        } else if (rule.condition() instanceof Condition.NewGroup c) {
            perGroup(groups.newGroups(c, now.minus(c.window()), MAX_GROUP_ALERTS), observed, holds, services);
        } else if (rule.condition() instanceof Condition.Regression c) {
            perGroup(groups.regressions(c, now.minus(c.window()), MAX_GROUP_ALERTS), observed, holds, services);
        } else if (rule.condition() instanceof Condition.ServiceDown c) {
            int down = checks.consecutiveDown(c.service(), c.checks());
            observed.put(c.service(), (double) down);
            holds.put(c.service(), down >= c.checks());
            services.put(c.service(), c.service());
        } else if (rule.condition() instanceof Condition.Metric m) {
            readings.read(m, now).forEach((subject, list) -> {
                ThresholdReadings.Reading latest = list.get(list.size() - 1);
                boolean all = list.stream().allMatch(r -> m.operator().holds(r.value(), m.threshold()));
                boolean live = m.metric().startsWith("container_");
                boolean longEnough = m.duration().isZero() || live
                        || !list.get(0).at().isAfter(now.minus(m.duration()).plusSeconds(Math.max(1,
                                m.duration().getSeconds() / 4)));
                observed.put(subject, latest.value());
                holds.put(subject, m.duration().isZero() || live ? m.operator().holds(latest.value(), m.threshold())
                        : all && longEnough);
                services.put(subject, subject);
            });
        } else {
            return 0;
        }
        Map<String, Alert> firing = new HashMap<>();
        for (Alert a : alerts.firingFor(rule.id())) {
            firing.put(a.key(), a);
        }
        int changed = 0;
        AlertRule current = rule;
        for (var e : observed.entrySet()) {
            String key = e.getKey();
            Alert alert = firing.remove(key);
            switch (Evaluation.decide(rule, holds.get(key), alert, now)) {
                case FIRE -> {
                    Alert fresh = Alert.fire("alert-" + UUID.randomUUID(), rule, key,
                            services.get(key), e.getValue(), now);
                    alerts.save(fresh);
                    notifications.queue(rule, fresh, "firing", now);
                    current = current.triggered(now);
                    changed++;
                }
                case REPEAT -> {
                    Alert again = alert.observed(e.getValue()).notified(now);
                    alerts.save(again);
                    notifications.queue(rule, again, "repeat", now);
                }
                case STILL_FIRING -> {
                    // Written only when the observed value moved: a rule keeping 50 group alerts firing would
                    // otherwise rewrite 50 unchanged rows every tick.
                    if (Double.compare(alert.value(), e.getValue()) != 0) {
                        alerts.save(alert.observed(e.getValue()));
                    }
                }
                case RESOLVE -> {
                    Alert done = alert.observed(e.getValue()).resolve(now);
                    alerts.save(done);
                    notifications.queue(rule, done, "resolved", now);
                    changed++;
                }
                case QUIET -> {
                }
            }
        }
        // A server that reports no readings any more, a group no longer new or regressed: its alert resolves.
        for (Alert gone : firing.values()) {
            Alert done = gone.resolve(now);
            alerts.save(done);
            notifications.queue(rule, done, "resolved", now);
            changed++;
        }
        if (current != rule) {
            rules.markTriggered(rule.id(), now);
        }
        return changed;
    }

    private static void perGroup(List<ErrorGroupWatch.GroupHit> hits, Map<String, Double> observed,
                                 Map<String, Boolean> holds, Map<String, String> services) {
        for (ErrorGroupWatch.GroupHit h : hits) {
            observed.put(h.groupId(), (double) h.occurrences());
            holds.put(h.groupId(), true);
            services.put(h.groupId(), h.source() != null ? h.source() : h.groupId());
        }
    }
}
