package io.quarterdeck.adapters.rest.healthmonitor.alerting;

import io.quarterdeck.adapters.rest.spine.JsonFields;
import io.quarterdeck.application.port.in.alerting.RuleCommand;
import io.quarterdeck.domain.alerting.AlertRule;
import io.quarterdeck.domain.alerting.Condition;
import io.quarterdeck.domain.alerting.Operator;
import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.alerting.Windows;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 001's rule body: {@code name}, {@code condition} (the seed's template "error_count > threshold in
 * time_window", or a concrete "error_count > 5 in 1m"), {@code threshold}, {@code time_window}, {@code notifications},
 * {@code enabled}; Quarterdeck adds {@code severity}, {@code operator}, {@code level}, {@code source},
 * {@code environment}, {@code fingerprint} and {@code repeat_interval}. On an update, what is absent stays.
 */
final class RuleBodies {
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*error_count\\s*(>=|<=|==|>|<|=)\\s*(\\S+)(?:\\s+in\\s+(.+?))?\\s*");

    private RuleBodies() {
    }

    static RuleCommand parse(JsonObject o, AlertRule old) {
        Condition.ErrorCount before = old != null && old.condition() instanceof Condition.ErrorCount e ? e : null;
        if (old != null && before == null) {
            throw new InvalidFieldException("id", "names a metric threshold or an intake rule; change it under"
                    + " /api/v1/alerts/thresholds");
        }
        String name = JsonFields.string(o, "name");
        String condition = JsonFields.string(o, "condition");
        Operator operator = null;
        String conditionThreshold = null;
        String conditionWindow = null;
        if (condition != null) {
            Matcher m = CONDITION.matcher(condition);
            if (!m.matches()) {
                throw new InvalidFieldException("condition", "must read \"error_count > threshold in time_window\""
                        + " or e.g. \"error_count > 5 in 1m\"; for metrics use /api/v1/alerts/thresholds");
            }
            operator = Operator.parse("condition", m.group(1));
            conditionThreshold = m.group(2).equals("threshold") ? null : m.group(2);
            conditionWindow = m.group(3) == null || m.group(3).equals("time_window") ? null : m.group(3);
        }
        String op = JsonFields.string(o, "operator");
        if (op != null) {
            operator = Operator.parse("operator", op);
        }
        Double threshold = JsonFields.number(o, "threshold");
        if (threshold == null && conditionThreshold != null) {
            try {
                threshold = Double.parseDouble(conditionThreshold);
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("condition", "the threshold must be a number");
            }
        }
        String windowText = JsonFields.string(o, "time_window");
        Duration window = windowText != null ? Windows.parse("time_window", windowText)
                : conditionWindow != null ? Windows.parse("condition", conditionWindow)
                : before != null ? before.window() : Duration.ofMinutes(5);
        if (threshold == null) {
            if (before == null) {
                throw new InvalidFieldException("threshold", "is required");
            }
            threshold = before.threshold();
        }
        String severity = JsonFields.string(o, "severity");
        String repeat = JsonFields.string(o, "repeat_interval");
        List<String> notifications = JsonFields.strings(o, "notifications");
        Boolean enabled = JsonFields.bool(o, "enabled");
        Condition.ErrorCount c = new Condition.ErrorCount(
                operator != null ? operator : before != null ? before.operator() : Operator.GT, threshold, window,
                pick(o, "level", before == null ? null : before.level()),
                pick(o, "source", before == null ? null : before.source()),
                pick(o, "environment", before == null ? null : before.environment()),
                pick(o, "fingerprint", before == null ? null : before.fingerprint()));
        return new RuleCommand(name != null ? name : old != null ? old.name() : null, c,
                severity != null ? Severity.parse("severity", severity) : old != null ? old.severity()
                        : Severity.WARNING,
                enabled != null ? enabled : old == null || old.enabled(),
                notifications != null ? notifications : old != null ? old.notifications() : List.of(),
                repeat != null ? Windows.parse("repeat_interval", repeat) : old != null ? old.repeatInterval() : null);
    }

    private static String pick(JsonObject o, String field, String old) {
        return o.containsKey(field) ? JsonFields.string(o, field) : old;
    }
}
