import io.quarterdeck.adapters.persistence.alerting.JdbcAlertRepository;
import io.quarterdeck.adapters.persistence.alerting.JdbcAlertRuleRepository;
import io.quarterdeck.adapters.persistence.alerting.JdbcErrorEventCounts;
import io.quarterdeck.adapters.persistence.alerting.JdbcErrorGroupWatch;
import io.quarterdeck.adapters.persistence.alerting.JdbcServiceCheckHistory;
import io.quarterdeck.adapters.persistence.metrics.JdbcMetricHistory;
import io.quarterdeck.application.alerting.ThresholdReadings;
import io.quarterdeck.application.metrics.MetricsService;
import io.quarterdeck.application.port.in.metrics.MetricSettings;
import io.quarterdeck.adapters.persistence.alerting.JdbcNotificationChannelRepository;
import io.quarterdeck.adapters.persistence.alerting.JdbcNotificationDeliveries;
import io.quarterdeck.application.alerting.AlertEvaluator;
import io.quarterdeck.application.alerting.Notifications;
import io.quarterdeck.application.alerting.RuleEvaluation;
import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One evaluator tick over every enabled rule, with the production classes (the evaluator, the rule evaluation, the
 * JDBC stores) on the benchmark database, outside the server: each statement commits on its own (the server runs
 * each rule in one transaction). Ticks are 15 s apart on the evaluator's clock.
 *
 * <pre>java -cp CLASSPATH bench/AlertingTick.java JDBC_URL USER PASSWORD TICKS</pre>
 *
 * The first four ticks are warm-up (the first also creates the alerts of the rules that fire).
 * Prints one line per tick and: RESULT rules=.. median_ms=.. max_ms=..
 */
public final class AlertingTick {
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setPassword(args[2]);
        int ticks = Integer.parseInt(args[3]);
        // One connection, reused (the server has a pool; opening a connection per statement would measure that).
        java.sql.Connection shared = ds.getConnection();
        java.sql.Connection kept = (java.sql.Connection) Proxy.newProxyInstance(java.sql.Connection.class
                .getClassLoader(), new Class<?>[] {java.sql.Connection.class}, (p, m, a) ->
                m.getName().equals("close") ? null : m.invoke(shared, a));
        javax.sql.DataSource pooled = (javax.sql.DataSource) Proxy.newProxyInstance(javax.sql.DataSource.class
                .getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (p, m, a) ->
                m.getName().equals("getConnection") ? kept : m.invoke(ds, a));
        EntityManager outside = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (p, m, a) -> {
                    if (m.getName().equals("isJoinedToTransaction")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        Instant[] now = {Instant.now()};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        var rules = new JdbcAlertRuleRepository(outside, pooled);
        var evaluation = new RuleEvaluation(rules, new JdbcAlertRepository(outside, pooled),
                new JdbcErrorEventCounts(outside, pooled), new JdbcErrorGroupWatch(outside, pooled),
                new JdbcServiceCheckHistory(outside, pooled),
                // host thresholds read the stored host samples (no sampler: the bench loads them); no engine
                new ThresholdReadings(new MetricsService(null, new JdbcMetricHistory(pooled),
                        MetricSettings.defaults(), clock), null),
                new Notifications(new JdbcNotificationChannelRepository(outside, pooled),
                        new JdbcNotificationDeliveries(outside, pooled)));
        var evaluator = new AlertEvaluator(rules, evaluation, AlertingSettings.defaults(), clock);
        List<Double> times = new ArrayList<>();
        int count = 0;
        for (int t = 0; t < ticks; t++) {
            long start = System.nanoTime();
            count = evaluator.evaluateDue();
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("tick %d: %d rules in %.0f ms%n", t + 1, count, ms);
            if (t >= 4) {
                times.add(ms); // the first ticks create the firing alerts and warm the JIT up
            }
            now[0] = now[0].plus(Duration.ofSeconds(15));
        }
        Collections.sort(times);
        System.out.printf("RESULT rules=%d median_ms=%.0f max_ms=%.0f%n", count, times.get(times.size() / 2),
                times.get(times.size() - 1));
    }
}
