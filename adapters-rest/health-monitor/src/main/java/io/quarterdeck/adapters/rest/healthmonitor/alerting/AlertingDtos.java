package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.NotificationChannel;
import io.quarterdeck.domain.alerting.Windows;
import io.quarterdeck.domain.incidents.Incident;
import io.quarterdeck.domain.incidents.IncidentUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 001's shapes for rules, incidents and integrations (maps keep the seed's snake_case names and nulls). */
final class AlertingDtos {
    private AlertingDtos() {
    }

    static String time(Instant t) {
        return t == null ? null : Times.format(t);
    }

    static Map<String, Object> rule(AlertRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("condition", r.condition().describe());
        m.put("threshold", number(r.condition().threshold()));
        if (r.condition() instanceof Condition.ErrorCount c) {
            m.put("time_window", Windows.format(c.window()));
            m.put("operator", c.operator().symbol());
            m.put("level", c.level());
            m.put("source", c.source());
            m.put("environment", c.environment());
            m.put("fingerprint", c.fingerprint());
        } else if (r.condition() instanceof Condition.NewGroup c) {
            m.put("kind", "new_group");
            m.put("time_window", Windows.format(c.window()));
            m.put("level", c.level());
            m.put("source", c.source());
            m.put("environment", c.environment());
        } else if (r.condition() instanceof Condition.Regression c) {
            m.put("kind", "regression");
            m.put("time_window", Windows.format(c.window()));
            m.put("level", c.level());
            m.put("source", c.source());
            m.put("environment", c.environment());
        } else if (r.condition() instanceof Condition.ServiceDown c) {
            m.put("kind", "service_down");
            m.put("service", c.service());
        } else if (r.condition() instanceof Condition.Metric c) {
            m.put("time_window", Windows.format(c.duration().isZero() ? java.time.Duration.ofSeconds(1)
                    : c.duration()));
            m.put("operator", c.operator().symbol());
            m.put("metric", c.metric());
            m.put("server_id", c.serverId());
        }
        m.put("severity", r.severity().wireName());
        m.put("enabled", r.enabled());
        m.put("notifications", r.notifications());
        m.put("repeat_interval", Windows.format(r.repeatInterval()));
        m.put("last_triggered", time(r.lastTriggered()));
        m.put("created_at", time(r.createdAt()));
        m.put("updated_at", time(r.updatedAt()));
        return m;
    }

    static Object number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }

    static Map<String, Object> incident(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("severity", i.severity().wireName());
        m.put("status", i.status().wireName());
        m.put("created_at", time(i.createdAt()));
        m.put("updated_at", time(i.updatedAt()));
        m.put("resolved_at", time(i.resolvedAt()));
        m.put("assigned_to", i.assignedTo());
        m.put("description", i.description());
        List<Map<String, Object>> timeline = i.timeline().stream().map(AlertingDtos::update).toList();
        m.put("timeline", timeline);
        return m;
    }

    private static Map<String, Object> update(IncidentUpdate u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", time(u.at()));
        m.put("author", u.author());
        m.put("status", u.status().wireName());
        m.put("message", u.message());
        return m;
    }

    /** A channel as seed 001's integration: secrets as previews only. */
    static Map<String, Object> integration(NotificationChannel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.type().wireName());
        m.put("channel_name", c.name());
        String status = !c.enabled() ? "disabled" : c.lastTestStatus() == null ? "configured"
                : c.lastTestStatus().equals("ok") ? "connected" : "error";
        m.put("status", status);
        Map<String, Object> config = new LinkedHashMap<>(c.settings());
        config.putAll(c.secretPreviews());
        m.put("config", config);
        m.put("last_test", time(c.lastTest()));
        m.put("last_test_result", c.lastTestStatus());
        return m;
    }
}
