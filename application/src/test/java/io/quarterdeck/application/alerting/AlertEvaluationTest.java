package io.quarterdeck.application.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import io.quarterdeck.application.port.out.alerting.AlertRepository;
import io.quarterdeck.application.port.out.alerting.AlertRuleRepository;
import io.quarterdeck.application.port.out.alerting.MetricReadings;
import io.quarterdeck.application.port.out.notifications.NotificationChannelRepository;
import io.quarterdeck.application.port.out.notifications.NotificationDeliveries;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.ChannelType;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.NotificationChannel;
import io.quarterdeck.domain.alerting.Operator;
import io.quarterdeck.domain.alerting.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The evaluator against controlled error counts and metric samples, with in-memory stores. */
class AlertEvaluationTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final Map<String, AlertRule> rules = new LinkedHashMap<>();
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final List<NotificationDelivery> queued = new ArrayList<>();
    private final List<MetricReadings.Reading> cpu = new ArrayList<>();
    private long errorCount;

    private final AlertRuleRepository ruleStore = new AlertRuleRepository() {
        @Override
        public void save(AlertRule rule) {
            rules.put(rule.id(), rule);
        }

        @Override
        public Optional<AlertRule> find(String id) {
            return Optional.ofNullable(rules.get(id));
        }

        @Override
        public List<AlertRule> list() {
            return List.copyOf(rules.values());
        }

        @Override
        public boolean delete(String id) {
            return rules.remove(id) != null;
        }

        @Override
        public void markTriggered(String id, Instant at) {
            rules.put(id, rules.get(id).triggered(at));
        }

        @Override
        public List<AlertRule> claimDue(Instant now, Instant next, String claim) {
            return List.copyOf(rules.values());
        }
    };

    private final AlertRepository alertStore = new AlertRepository() {
        @Override
        public void save(Alert a) {
            alerts.put(a.id(), a);
        }

        @Override
        public Optional<Alert> find(String id) {
            return Optional.ofNullable(alerts.get(id));
        }

        @Override
        public List<Alert> firingFor(String ruleId) {
            return alerts.values().stream().filter(a -> a.firing() && a.ruleId().equals(ruleId)).toList();
        }

        @Override
        public List<Alert> firing(int limit) {
            return alerts.values().stream().filter(Alert::firing).toList();
        }

        @Override
        public List<Alert> recent(int limit) {
            return List.copyOf(alerts.values());
        }
    };

    private final MetricReadings readings = new MetricReadings() {
        @Override
        public List<Reading> since(String metric, String serverId, Instant since) {
            return cpu.stream().filter(r -> !r.at().isBefore(since)).filter(r -> serverId == null
                    || r.serverId().equals(serverId)).toList();
        }

        @Override
        public void record(String metric, Reading reading) {
            cpu.add(reading);
        }
    };

    private final NotificationChannel hook = new NotificationChannel("ch-1", "ops", ChannelType.WEBHOOK, true,
            Map.of("url", "http://127.0.0.1/h"), Map.of(), clock.instant(), clock.instant(), null, null);
    private final NotificationChannelRepository channels = new NotificationChannelRepository() {
        @Override
        public void save(NotificationChannel channel, String sealedSecrets) {
        }

        @Override
        public Optional<Stored> find(String id) {
            return Optional.of(new Stored(hook, ""));
        }

        @Override
        public List<Stored> list() {
            return List.of(new Stored(hook, ""));
        }

        @Override
        public boolean delete(String id) {
            return false;
        }
    };

    private final NotificationDeliveries deliveries = new NotificationDeliveries() {
        @Override
        public void enqueue(Collection<NotificationDelivery> d) {
            queued.addAll(d);
        }

        @Override
        public List<NotificationDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
            return List.of();
        }

        @Override
        public void update(NotificationDelivery delivery) {
        }

        @Override
        public List<NotificationDelivery> history(String channelId, String status, int limit) {
            return queued;
        }

        @Override
        public Optional<NotificationDelivery> find(String id) {
            return Optional.empty();
        }
    };

    private final AlertEvaluator evaluator = new AlertEvaluator(ruleStore, new RuleEvaluation(ruleStore, alertStore,
            (c, since) -> errorCount, readings, new Notifications(channels, deliveries)),
            new AlertingSettings(Duration.ofSeconds(15), Duration.ofSeconds(5), 3, Duration.ofSeconds(1)), clock);

    private List<String> kinds() {
        return queued.stream().map(NotificationDelivery::kind).toList();
    }

    @Test
    void anErrorRuleFiresOnceRepeatsAfterItsIntervalAndResolves() {
        AlertRule rule = AlertRule.open("r1", "errors", new Condition.ErrorCount(Operator.GT, 5, Duration.ofMinutes(1),
                null, null, null, null), Severity.CRITICAL, true, List.of("webhook"), Duration.ofMinutes(10),
                clock.instant());
        rules.put(rule.id(), rule);
        errorCount = 5;
        evaluator.evaluateDue();
        assertEquals(List.of(), kinds(), "5 is not more than 5");
        errorCount = 6;
        evaluator.evaluateDue();
        clock.advance(Duration.ofSeconds(15));
        evaluator.evaluateDue();
        assertEquals(List.of("firing"), kinds(), "fired once, not again on the next tick");
        Alert firing = alertStore.firing(10).get(0);
        assertEquals(6, firing.value());
        assertEquals(5, firing.threshold());
        assertFalse(rules.get("r1").lastTriggered() == null);
        clock.advance(Duration.ofMinutes(10));
        errorCount = 9;
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "repeat"), kinds());
        assertEquals(9, alertStore.firing(10).get(0).value());
        errorCount = 0;
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "repeat", "resolved"), kinds());
        assertTrue(alertStore.firing(10).isEmpty());
        assertEquals("ch-1", queued.get(2).channelId());
    }

    @Test
    void aMetricThresholdFiresPerServerOnlyWhenTheSamplesHoldForItsDuration() {
        AlertRule rule = AlertRule.open("t1", "cpu high", new Condition.Metric("cpu_percent", Operator.GT, 80,
                Duration.ofMinutes(2), null), Severity.WARNING, true, List.of("ops"), null, clock.instant());
        rules.put(rule.id(), rule);
        Instant t0 = clock.instant();
        cpu.add(new MetricReadings.Reading("web-1", 95, t0));
        cpu.add(new MetricReadings.Reading("web-2", 20, t0));
        evaluator.evaluateDue();
        assertEquals(List.of(), kinds(), "one sample is not two minutes");
        for (int s = 30; s <= 120; s += 30) {
            cpu.add(new MetricReadings.Reading("web-1", 90 + s / 30, t0.plusSeconds(s)));
            cpu.add(new MetricReadings.Reading("web-2", s == 90 ? 99 : 20, t0.plusSeconds(s)));
        }
        clock.advance(Duration.ofSeconds(121));
        evaluator.evaluateDue();
        assertEquals(List.of("firing"), kinds(), "web-1 held above 80 for 2 minutes, web-2 spiked once");
        Alert a = alertStore.firing(10).get(0);
        assertEquals("web-1", a.service());
        assertEquals(94, a.value());
        assertEquals(80, a.threshold());
        cpu.add(new MetricReadings.Reading("web-1", 40, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "resolved"), kinds());
    }
}
