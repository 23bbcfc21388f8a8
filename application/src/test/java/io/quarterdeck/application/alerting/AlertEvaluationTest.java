package io.quarterdeck.application.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import io.quarterdeck.application.port.out.alerting.AlertRepository;
import io.quarterdeck.application.port.out.alerting.AlertRuleRepository;
import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.application.port.out.alerting.ErrorGroupWatch;
import io.quarterdeck.application.port.out.containers.ContainerEngine;
import io.quarterdeck.application.port.out.containers.ContainerEngines;
import io.quarterdeck.domain.containers.EngineEndpoint;
import io.quarterdeck.domain.containers.Container;
import io.quarterdeck.domain.containers.ContainerState;
import io.quarterdeck.domain.containers.ResourceUsage;
import io.quarterdeck.domain.metrics.HostSample;
import io.quarterdeck.domain.shared.NotFoundException;
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
    /** Host samples per server, oldest first (what the host sample store holds). */
    private final Map<String, List<HostSample>> samples = new LinkedHashMap<>();
    private final List<Container> containers = new ArrayList<>();
    private final List<ErrorGroupWatch.GroupHit> newGroups = new ArrayList<>();
    private final List<ErrorGroupWatch.GroupHit> regressed = new ArrayList<>();
    private int serviceDown;
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

    /** A host store as HostMetricsUseCase answers it: history buckets of one sample each (1 s buckets). */
    private final HostMetricsUseCase hosts = new HostMetricsUseCase() {
        @Override
        public HostSample latest(String serverId) {
            List<HostSample> list = samples.get(serverId);
            if (list == null || list.isEmpty()) {
                throw new NotFoundException("server", serverId);
            }
            return list.get(list.size() - 1);
        }

        @Override
        public List<HostSample> history(String serverId, Instant from, Instant to, Duration interval) {
            return samples.getOrDefault(serverId, List.of()).stream().filter(s -> !s.at().isBefore(from)
                    && !s.at().isAfter(to)).toList();
        }

        @Override
        public List<HostSample> recent(String serverId, int limit) {
            return List.of();
        }

        @Override
        public List<String> servers() {
            return List.copyOf(samples.keySet());
        }
    };

    private final ContainerEngine engine = (ContainerEngine) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
                if (method.getName().equals("containers")) {
                    return List.copyOf(containers);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private final ContainerEngines engines = new ContainerEngines() {
        @Override
        public ContainerEngine local() {
            return engine;
        }

        @Override
        public ContainerEngine of(String serverId, EngineEndpoint endpoint) {
            return engine;
        }

        @Override
        public void release(EngineEndpoint endpoint) {
        }
    };

    private final ErrorGroupWatch groups = new ErrorGroupWatch() {
        @Override
        public List<GroupHit> newGroups(Condition.NewGroup condition, Instant since, int limit) {
            return List.copyOf(newGroups);
        }

        @Override
        public List<GroupHit> regressions(Condition.Regression condition, Instant since, int limit) {
            return List.copyOf(regressed);
        }
    };

    private final io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory checks =
            (io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory) java.lang.reflect.Proxy
                    .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
                        io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("consecutiveDown")) {
                                return Math.min(serviceDown, (Integer) args[1]);
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });

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
            (c, since) -> errorCount, groups, checks, new ThresholdReadings(hosts, engines),
            new Notifications(channels, deliveries)),
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

    private void sample(String server, double cpuPercent, Instant at) {
        samples.computeIfAbsent(server, k -> new ArrayList<>()).add(new HostSample(server, at, 2, cpuPercent,
                1000, 500, 1000, 100, 0, 0, 0.5, 0.5, 0.5));
    }

    @Test
    void aMetricThresholdFiresPerServerOnlyWhenTheSamplesHoldForItsDuration() {
        AlertRule rule = AlertRule.open("t1", "cpu high", new Condition.Metric("cpu_percent", Operator.GT, 80,
                Duration.ofMinutes(2), null), Severity.WARNING, true, List.of("ops"), null, clock.instant());
        rules.put(rule.id(), rule);
        Instant t0 = clock.instant();
        sample("web-1", 95, t0);
        sample("web-2", 20, t0);
        evaluator.evaluateDue();
        assertEquals(List.of(), kinds(), "one sample is not two minutes");
        for (int s = 30; s <= 120; s += 30) {
            sample("web-1", 90 + s / 30, t0.plusSeconds(s));
            sample("web-2", s == 90 ? 99 : 20, t0.plusSeconds(s));
        }
        clock.advance(Duration.ofSeconds(121));
        evaluator.evaluateDue();
        assertEquals(List.of("firing"), kinds(), "web-1 held above 80 for 2 minutes, web-2 spiked once");
        Alert a = alertStore.firing(10).get(0);
        assertEquals("web-1", a.service());
        assertEquals(94, a.value());
        assertEquals(80, a.threshold());
        sample("web-1", 40, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "resolved"), kinds());
    }

    @Test
    void aHostMetricWithoutDurationComparesTheLatestSampleOfEachServer() {
        AlertRule rule = AlertRule.open("t2", "memory", new Condition.Metric("memory_percent", Operator.GT, 40,
                Duration.ZERO, "local"), Severity.WARNING, true, List.of("ops"), null, clock.instant());
        rules.put(rule.id(), rule);
        sample("local", 10, clock.instant());
        sample("web-1", 10, clock.instant());
        evaluator.evaluateDue();
        assertEquals(List.of("firing"), kinds(), "memory 500/1000 = 50% > 40, on local only");
        assertEquals(50, alertStore.firing(10).get(0).value());
        assertEquals("local", alertStore.firing(10).get(0).service());
        rules.put("t2", rule.change(rule.name(), new Condition.Metric("memory_percent", Operator.GT, 100,
                Duration.ZERO, "local"), rule.severity(), true, rule.notifications(), null, clock.instant()));
        clock.advance(Duration.ofSeconds(15));
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "resolved"), kinds());
    }

    @Test
    void aContainerThresholdComparesEachRunningContainersLiveReading() {
        AlertRule rule = AlertRule.open("t3", "container cpu", new Condition.Metric("container_cpu_percent",
                Operator.GTE, 50, Duration.ofMinutes(5), null), Severity.CRITICAL, true, List.of("ops"), null,
                clock.instant());
        rules.put(rule.id(), rule);
        containers.add(new Container("a1", "/api", "img", ContainerState.RUNNING, clock.instant(), List.of(),
                new ResourceUsage(75, 10, 5, 0, 0)));
        containers.add(new Container("b1", "db", "img", ContainerState.RUNNING, clock.instant(), List.of(),
                new ResourceUsage(5, 10, 5, 0, 0)));
        containers.add(new Container("c1", "old", "img", ContainerState.EXITED, clock.instant(), List.of(), null));
        evaluator.evaluateDue();
        assertEquals(List.of("firing"), kinds());
        assertEquals("local/api", alertStore.firing(10).get(0).service());
        assertEquals(75, alertStore.firing(10).get(0).value());
        containers.remove(0);
        clock.advance(Duration.ofSeconds(15));
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "resolved"), kinds(), "the container is gone: its alert resolves");
    }

    @Test
    void newGroupAndRegressionRulesFireOncePerGroupAndResolveWhenItLeavesTheWindow() {
        AlertRule fresh = AlertRule.open("n1", "new", new Condition.NewGroup(Duration.ofMinutes(10), "error", null,
                null), Severity.WARNING, true, List.of("ops"), null, clock.instant());
        AlertRule back = AlertRule.open("g1", "back", new Condition.Regression(Duration.ofMinutes(10), null,
                "checkout", null), Severity.CRITICAL, true, List.of("ops"), null, clock.instant());
        rules.put(fresh.id(), fresh);
        rules.put(back.id(), back);
        evaluator.evaluateDue();
        assertEquals(List.of(), kinds());
        newGroups.add(new ErrorGroupWatch.GroupHit("grp-1", "web", 1));
        evaluator.evaluateDue();
        newGroups.add(new ErrorGroupWatch.GroupHit("grp-2", null, 3));
        regressed.add(new ErrorGroupWatch.GroupHit("grp-9", "checkout", 40));
        clock.advance(Duration.ofSeconds(15));
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "firing", "firing"), kinds(), "one firing per new group, one per regression");
        assertEquals(3, alertStore.firing(10).size());
        assertTrue(alertStore.firing(10).stream().anyMatch(a -> a.key().equals("grp-9") && a.ruleId().equals("g1")
                && a.service().equals("checkout") && a.value() == 40));
        newGroups.remove(0);
        regressed.clear();
        clock.advance(Duration.ofSeconds(15));
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "firing", "firing", "resolved", "resolved"), kinds());
        assertEquals(List.of("grp-2"), alertStore.firing(10).stream().map(Alert::key).toList());
    }

    @Test
    void aServiceDownRuleFiresAfterNConsecutiveFailedChecksAndResolvesOnTheFirstGoodOne() {
        AlertRule rule = AlertRule.open("s1", "broker down", new Condition.ServiceDown("rabbitmq", 3),
                Severity.CRITICAL, true, List.of("ops"), null, clock.instant());
        rules.put(rule.id(), rule);
        serviceDown = 2;
        evaluator.evaluateDue();
        assertEquals(List.of(), kinds(), "2 failed checks are not 3");
        serviceDown = 3;
        clock.advance(Duration.ofSeconds(15));
        evaluator.evaluateDue();
        assertEquals(List.of("firing"), kinds());
        assertEquals("rabbitmq", alertStore.firing(10).get(0).service());
        assertEquals(3, alertStore.firing(10).get(0).value());
        assertEquals(3, alertStore.firing(10).get(0).threshold());
        serviceDown = 0;
        clock.advance(Duration.ofSeconds(15));
        evaluator.evaluateDue();
        assertEquals(List.of("firing", "resolved"), kinds());
    }
}
