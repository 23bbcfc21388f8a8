package io.quarterdeck.adapters.persistence.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.port.out.analytics.ErrorStatistics;
import io.quarterdeck.application.port.out.notifications.NotificationDelivery;
import io.quarterdeck.domain.alerting.Alert;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.ChannelType;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.NotificationChannel;
import io.quarterdeck.domain.alerting.Operator;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.incidents.Incident;
import io.quarterdeck.domain.incidents.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The alerting stores on a real database: what the evaluator, the dispatcher and the analytics rely on. */
abstract class AlertingStoresContract {
    protected abstract TestDatabase db();

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private JdbcAlertRuleRepository rules() {
        return new JdbcAlertRuleRepository(db().entityManager(), db().dataSource());
    }

    private static AlertRule rule(String name, Condition c) {
        return AlertRule.open("rule-" + UUID.randomUUID(), name, c, Severity.CRITICAL, true,
                List.of("webhook", "ops"), Duration.ofMinutes(10), T0);
    }

    private static Condition.ErrorCount errors(double n) {
        return new Condition.ErrorCount(Operator.GT, n, Duration.ofMinutes(1), null, null, null, null);
    }

    @Test
    void rulesRoundTripEveryConditionKind() {
        AlertRule a = rule("errors", new Condition.ErrorCount(Operator.GTE, 5, Duration.ofMinutes(5), "error", "api",
                "prod", null));
        AlertRule b = rule("cpu", new Condition.Metric("cpu_percent", Operator.GT, 80.5, Duration.ofMinutes(2),
                "srv-1"));
        db().inTransaction(() -> {
            rules().save(a);
            rules().save(b);
            return null;
        });
        assertEquals(a, db().inTransaction(() -> rules().find(a.id()).orElseThrow()));
        assertEquals(b, db().inTransaction(() -> rules().find(b.id()).orElseThrow()));
        AlertRule changed = b.change("cpu high", b.condition(), Severity.WARNING, false, List.of(), null,
                T0.plusSeconds(5));
        db().inTransaction(() -> {
            rules().save(changed);
            return null;
        });
        assertEquals(changed, db().inTransaction(() -> rules().find(b.id()).orElseThrow()));
        assertTrue(db().inTransaction(() -> rules().delete(a.id())));
        assertFalse(db().inTransaction(() -> rules().find(a.id()).isPresent()));
    }

    @Test
    void concurrentClaimsSplitTheDueRulesWithoutOverlap() throws Exception {
        db().execute("delete from alert_rules");
        List<String> ids = new ArrayList<>();
        db().inTransaction(() -> {
            for (int i = 0; i < 40; i++) {
                AlertRule r = rule("r" + i, errors(i));
                rules().save(r);
                ids.add(r.id());
            }
            return null;
        });
        Instant now = T0.plusSeconds(60);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String claim = "claim-" + i;
                Callable<List<String>> c = () -> rules().claimDue(now, now.plusSeconds(15), claim).stream()
                        .map(AlertRule::id).toList();
                claims.add(pool.submit(c));
            }
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (Future<List<String>> f : claims) {
                List<String> got = f.get();
                total += got.size();
                seen.addAll(got);
            }
            assertEquals(40, total, "every due rule claimed exactly once");
            assertEquals(new HashSet<>(ids), seen);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), rules().claimDue(now.plusSeconds(5), now.plusSeconds(20), "later"),
                "not due again before the next tick");
        assertEquals(40, rules().claimDue(now.plusSeconds(15), now.plusSeconds(30), "next").size());
    }

    /**
     * Two instances on one database: two evaluators (the production classes on these stores) tick at the same moment
     * over the same firing rules; each rule is evaluated once, so each alert fires once and one notification is
     * queued per alert, not two.
     */
    @Test
    void twoEvaluatorsTickingTogetherFireEachAlertOnceWithOneNotification() throws Exception {
        db().execute("delete from alert_rules", "delete from alerts", "delete from notification_deliveries",
                "delete from notification_channels");
        JdbcNotificationChannelRepository channels = new JdbcNotificationChannelRepository(db().entityManager(),
                db().dataSource());
        NotificationChannel ch = new NotificationChannel("ch-two", "two", ChannelType.WEBHOOK, true,
                Map.of("url", "http://127.0.0.1:1/h"), Map.of(), T0, T0, null, null);
        db().inTransaction(() -> {
            channels.save(ch, "sealed");
            for (int i = 0; i < 30; i++) {
                // "more than -1 errors": fires at once, whatever is stored
                rules().save(AlertRule.open("rule-two-" + i, "two " + i, errors(0), Severity.WARNING, true,
                        List.of("ch-two"), Duration.ofHours(1), T0));
            }
            return null;
        });
        db().execute("update alert_rules set operator = 'GTE' where id like 'rule-two-%'");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Instant now = T0.plusSeconds(60);
            List<Future<Integer>> ticks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var evaluator = new io.quarterdeck.application.alerting.AlertEvaluator(rules(),
                        new io.quarterdeck.application.alerting.RuleEvaluation(rules(),
                                new JdbcAlertRepository(db().entityManager(), db().dataSource()),
                                new JdbcErrorEventCounts(db().entityManager(), db().dataSource()),
                                new JdbcErrorGroupWatch(db().entityManager(), db().dataSource()),
                                new JdbcServiceCheckHistory(db().entityManager(), db().dataSource()),
                                new io.quarterdeck.application.alerting.ThresholdReadings(null, null),
                                new io.quarterdeck.application.alerting.Notifications(channels,
                                        new JdbcNotificationDeliveries(db().entityManager(), db().dataSource()))),
                        io.quarterdeck.application.port.in.alerting.AlertingSettings.defaults(),
                        java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
                Callable<Integer> tick = evaluator::evaluateDue;
                ticks.add(pool.submit(tick));
            }
            int evaluated = ticks.get(0).get() + ticks.get(1).get();
            assertEquals(30, evaluated, "each rule evaluated by one of the two");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, db().number("select count(*) from alerts where rule_id like 'rule-two-%' and firing = true"));
        assertEquals(30, db().number("select count(*) from notification_deliveries where channel_id = 'ch-two'"
                + " and kind = 'firing'"));
    }

    @Test
    void serviceChecksAnswerUptimeAndTheLastState() {
        JdbcServiceCheckHistory checks = new JdbcServiceCheckHistory(db().entityManager(), db().dataSource());
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(java.util.Optional.empty(), checks.lastState(svc));
        checks.record(List.of(
                new io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.Check(svc, T0, true, 3L),
                new io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.Check(svc, T0.plusSeconds(30),
                        false, null),
                new io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.Check(svc, T0.plusSeconds(60),
                        true, 4L),
                new io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.Check(svc, T0.plusSeconds(90),
                        true, 2L)));
        assertEquals(75.0, checks.uptimePercent(svc, T0).orElseThrow());
        assertEquals(100.0, checks.uptimePercent(svc, T0.plusSeconds(31)).orElseThrow());
        assertEquals(true, checks.lastState(svc).orElseThrow());
        assertEquals(T0.plusSeconds(30), checks.lastDown(svc).orElseThrow());
        assertEquals(T0, checks.firstCheck(svc).orElseThrow());
        assertEquals(3.0, checks.averageLatencyMs(T0.plusSeconds(59)).orElseThrow(), "up checks with a latency");
        assertTrue(checks.averageLatencyMs(T0.plus(java.time.Duration.ofDays(3650))).isEmpty());
        assertTrue(checks.deleteOlderThan(T0.plusSeconds(45)) >= 2);
        assertEquals(100.0, checks.uptimePercent(svc, T0).orElseThrow());
    }

    @Test
    void consecutiveDownCountsTheNewestFailedChecksUpToTheMaximum() {
        JdbcServiceCheckHistory checks = new JdbcServiceCheckHistory(db().entityManager(), db().dataSource());
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, checks.consecutiveDown(svc, 3), "no checks stored");
        boolean[] ups = {false, true, false, false, false, false};
        List<io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.Check> rows = new ArrayList<>();
        for (int i = 0; i < ups.length; i++) {
            rows.add(new io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.Check(svc,
                    T0.plusSeconds(30L * i), ups[i], null));
        }
        checks.record(rows);
        assertEquals(3, checks.consecutiveDown(svc, 3));
        assertEquals(4, checks.consecutiveDown(svc, 10), "stops at the up check");
        checks.record(List.of(new io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory.Check(svc,
                T0.plusSeconds(600), true, 2L)));
        assertEquals(0, checks.consecutiveDown(svc, 3), "the newest check was up");
    }

    @Test
    void newGroupsAndRegressionsAreFoundByWindowAndFilters() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.parse("2032-03-01T00:00:00Z").plusSeconds(Math.abs(run.hashCode() % 100_000) * 60L);
        // old: first seen an hour before base; fresh: first seen at base; back: regressed, seen at base
        group("old-" + run, "src-" + run, "error", base.minusSeconds(3600), base, false);
        group("fresh-" + run, "src-" + run, "error", base, base, false);
        group("warn-" + run, "src-" + run, "warning", base, base, false);
        group("back-" + run, "src-" + run, "error", base.minusSeconds(86_400), base, true);
        group("backold-" + run, "src-" + run, "error", base.minusSeconds(86_400), base.minusSeconds(7200), true);
        JdbcErrorGroupWatch watch = new JdbcErrorGroupWatch(db().entityManager(), db().dataSource());
        Instant since = base.minusSeconds(600);
        assertEquals(List.of("fresh-" + run), watch.newGroups(new Condition.NewGroup(Duration.ofMinutes(10), "error",
                "src-" + run, null), since, 10).stream().map(h -> h.groupId()).toList());
        assertEquals(2, watch.newGroups(new Condition.NewGroup(Duration.ofMinutes(10), null, "src-" + run, "prod"),
                since, 10).size());
        assertEquals(1, watch.newGroups(new Condition.NewGroup(Duration.ofMinutes(10), null, "src-" + run, null),
                since, 1).size(), "the limit");
        assertEquals(List.of(), watch.newGroups(new Condition.NewGroup(Duration.ofMinutes(10), null, "src-" + run,
                "staging"), since, 10));
        var back = watch.regressions(new Condition.Regression(Duration.ofMinutes(10), null, "src-" + run, null), since,
                10);
        assertEquals(List.of("back-" + run), back.stream().map(h -> h.groupId()).toList());
        assertEquals("src-" + run, back.get(0).source());
        assertEquals(7, back.get(0).occurrences());
    }

    private void group(String id, String source, String level, Instant first, Instant last, boolean regressed) {
        db().execute("insert into error_groups (id, fingerprint, grouping_version, level, message, context, source,"
                + " environment, resolved, regressed, occurrence_count, first_seen, last_seen, created_at, updated_at)"
                + " values ('" + id + "', '" + UUID.randomUUID().toString().replace("-", "") + "', 1, '" + level
                + "', 'm', '{}', '" + source + "', 'prod', false, " + regressed + ", 7, timestamp with time zone '"
                + sql(first) + "', timestamp with time zone '" + sql(last) + "', timestamp with time zone '"
                + sql(first) + "', timestamp with time zone '" + sql(last) + "')");
    }

    private static String sql(Instant t) {
        return t.toString().replace('T', ' ').replace("Z", "+00");
    }

    @Test
    void theNewRuleKindsRoundTrip() {
        for (Condition c : List.of(new Condition.NewGroup(Duration.ofHours(1), "error", "web", "prod"),
                new Condition.Regression(Duration.ofMinutes(15), null, null, null),
                new Condition.ServiceDown("rabbitmq", 3))) {
            AlertRule r = rule("kind", c);
            db().inTransaction(() -> {
                rules().save(r);
                return null;
            });
            assertEquals(c, db().inTransaction(() -> rules().find(r.id()).orElseThrow()).condition());
        }
    }

    @Test
    void alertsFiringAndResolved() {
        AlertRule r = rule("alerts", errors(1));
        JdbcAlertRepository alerts = new JdbcAlertRepository(db().entityManager(), db().dataSource());
        Alert a = Alert.fire("alert-" + UUID.randomUUID(), r, "*", "api", 7, T0);
        db().inTransaction(() -> {
            alerts.save(a);
            return null;
        });
        assertEquals(List.of(a), db().inTransaction(() -> alerts.firingFor(r.id())));
        assertTrue(db().inTransaction(() -> alerts.firing(500)).contains(a));
        Alert done = a.resolve(T0.plusSeconds(30));
        db().inTransaction(() -> {
            alerts.save(done);
            return null;
        });
        assertEquals(List.of(), db().inTransaction(() -> alerts.firingFor(r.id())));
        assertEquals(done, db().inTransaction(() -> alerts.find(a.id()).orElseThrow()));
    }

    @Test
    void errorCountsFilterAndWindow() {
        String g = "grp-" + UUID.randomUUID();
        String fp = UUID.randomUUID().toString().replace("-", "");
        Instant at = Instant.parse("2031-01-01T00:00:00Z");
        db().execute("insert into error_groups (id, fingerprint, grouping_version, level, message, context, source,"
                + " resolved, regressed, occurrence_count, first_seen, last_seen, created_at, updated_at) values ('"
                + g + "', '" + fp + "', 1, 'error', 'm', '{}', 'billing-" + g + "', false, false, 3,"
                + " timestamp with time zone '2031-01-01 00:00:00+00', timestamp with time zone"
                + " '2031-01-01 00:00:00+00', timestamp with time zone '2031-01-01 00:00:00+00',"
                + " timestamp with time zone '2031-01-01 00:00:00+00')");
        for (int i = 0; i < 3; i++) {
            db().execute("insert into error_occurrences (id, group_id, occurred_at, level, environment, context)"
                    + " values ('" + UUID.randomUUID() + "', '" + g + "', timestamp with time zone '2031-01-01"
                    + " 00:00:0" + i + "+00', '" + (i == 0 ? "critical" : "error") + "', 'prod', '{}')");
        }
        JdbcErrorEventCounts counts = new JdbcErrorEventCounts(db().entityManager(), db().dataSource());
        assertEquals(3, counts.count(new Condition.ErrorCount(Operator.GT, 1, Duration.ofMinutes(1), null,
                "billing-" + g, null, null), at));
        assertEquals(2, counts.count(new Condition.ErrorCount(Operator.GT, 1, Duration.ofMinutes(1), "error",
                "billing-" + g, "prod", fp), at));
        assertEquals(1, counts.count(new Condition.ErrorCount(Operator.GT, 1, Duration.ofMinutes(1), null,
                "billing-" + g, null, null), at.plusSeconds(2)));
        ErrorStatistics stats = new JdbcErrorStatistics(db().entityManager(), db().dataSource());
        List<ErrorStatistics.Bucket> trend = stats.trend(at.minusSeconds(3600), at.plusSeconds(3600), 3600);
        assertEquals(List.of(new ErrorStatistics.Bucket(at, 3, 0, 1)), trend);
        assertEquals(3, stats.occurrencesBetween(at.minusSeconds(3600), at.plusSeconds(3600)));
        assertEquals(0, stats.occurrencesBetween(at.minusSeconds(3600), at.minusSeconds(1)));
        ErrorStatistics.Totals t = stats.totals(at.plusSeconds(10), at, at, at);
        assertEquals(3, t.occurrencesSinceDay());
        assertTrue(t.totalGroups() >= 1);
    }

    @Test
    void channelsKeepSealedSecretsAndDeliveriesAreClaimedOnce() {
        JdbcNotificationChannelRepository channels = new JdbcNotificationChannelRepository(db().entityManager(),
                db().dataSource());
        NotificationChannel ch = new NotificationChannel("ch-" + UUID.randomUUID(), "ops", ChannelType.WEBHOOK, true,
                Map.of("url", "http://127.0.0.1:1/hook?a=b&c=d"), Map.of("secret", "abcd…wxyz"), T0, T0, null, null);
        db().inTransaction(() -> {
            channels.save(ch, "v1.sealed");
            return null;
        });
        var stored = db().inTransaction(() -> channels.find(ch.id()).orElseThrow());
        assertEquals(ch, stored.channel());
        assertEquals("v1.sealed", stored.sealedSecrets());

        JdbcNotificationDeliveries deliveries = new JdbcNotificationDeliveries(db().entityManager(),
                db().dataSource());
        NotificationDelivery d = new NotificationDelivery("ntf-" + UUID.randomUUID(), ch.id(), "ops", "webhook",
                null, null, "test", "info", "t", "x", 0, 0, "pending", 0, T0, null, T0, null);
        db().inTransaction(() -> {
            deliveries.enqueue(List.of(d));
            return null;
        });
        List<NotificationDelivery> first = deliveries.claimDue(T0.plusSeconds(1), T0.plusSeconds(120), 1000);
        assertTrue(first.stream().anyMatch(x -> x.id().equals(d.id())));
        assertFalse(deliveries.claimDue(T0.plusSeconds(2), T0.plusSeconds(120), 1000).stream()
                .anyMatch(x -> x.id().equals(d.id())), "a claimed delivery is leased");
        NotificationDelivery failed = d.failed("connection refused", T0.plusSeconds(10));
        deliveries.update(failed);
        NotificationDelivery back = deliveries.find(d.id()).orElseThrow();
        assertEquals("pending", back.status());
        assertEquals(1, back.attempts());
        assertEquals("connection refused", back.lastError());
        deliveries.update(back.sent(T0.plusSeconds(11)));
        assertEquals("sent", deliveries.history(ch.id(), null, 10).get(0).status());
        assertNotEquals(List.of(), deliveries.history(null, "sent", 10));
    }

    @Test
    void incidentsKeepTheirTimeline() {
        JdbcIncidentRepository incidents = new JdbcIncidentRepository(db().entityManager(), db().dataSource());
        Incident i = Incident.open("incident-" + UUID.randomUUID(), "DB down", "timeouts", Severity.CRITICAL, null,
                "owner", T0);
        db().inTransaction(() -> {
            incidents.save(i);
            return null;
        });
        Incident next = i.update(IncidentStatus.IDENTIFIED, null, null, null, "alice", "pool exhausted", "owner",
                T0.plusSeconds(60));
        db().inTransaction(() -> {
            incidents.save(next);
            return null;
        });
        Incident back = db().inTransaction(() -> incidents.find(i.id()).orElseThrow());
        assertEquals(IncidentStatus.IDENTIFIED, back.status());
        assertEquals("alice", back.assignedTo());
        assertEquals(2, back.timeline().size());
        assertEquals("pool exhausted", back.timeline().get(1).message());
    }
}
