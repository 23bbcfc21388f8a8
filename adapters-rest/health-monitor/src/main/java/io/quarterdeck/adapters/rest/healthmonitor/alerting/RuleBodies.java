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
    /** {@code new_group in 1h}, {@code regression in 15m} ({@code in time_window} or nothing: the field decides). */
    private static final Pattern GROUP_CONDITION = Pattern.compile(
            "\\s*(new_group|regression)(?:\\s+in\\s+(.+?))?\\s*");
    /** {@code service_down database for 3 checks}; the service and the count may come as fields instead. */
    private static final Pattern SERVICE_CONDITION = Pattern.compile(
            "\\s*service_down(?:\\s+(?!for\\b)(\\S+))?(?:\\s+for\\s+(\\S+)(?:\\s+checks?)?)?\\s*");
    private static final String KINDS = "must read \"error_count > threshold in time_window\" (e.g. \"error_count > 5"
            + " in 1m\"), \"new_group in time_window\", \"regression in time_window\" or \"service_down <service>"
            + " for <N> checks\"; for metrics use /api/v1/alerts/thresholds";

    private RuleBodies() {
    }

    static RuleCommand parse(JsonObject o, AlertRule old) {
        if (old != null && (old.condition() instanceof Condition.Metric
                || old.condition() instanceof Condition.External)) {
            throw new InvalidFieldException("id", "names a metric threshold or an intake rule; change it under"
                    + " /api/v1/alerts/thresholds");
        }
        String condition = JsonFields.string(o, "condition");
        if (condition != null ? !CONDITION.matcher(condition).matches()
                : old != null && !(old.condition() instanceof Condition.ErrorCount)) {
            return parseOtherKind(o, old, condition);
        }
        Condition.ErrorCount before = old != null && old.condition() instanceof Condition.ErrorCount e ? e : null;
        Operator operator = null;
        String conditionThreshold = null;
        String conditionWindow = null;
        if (condition != null) {
            Matcher m = CONDITION.matcher(condition);
            if (!m.matches()) {
                throw new InvalidFieldException("condition", KINDS);
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
        Condition.ErrorCount c = new Condition.ErrorCount(
                operator != null ? operator : before != null ? before.operator() : Operator.GT, threshold, window,
                pick(o, "level", before == null ? null : before.level()),
                pick(o, "source", before == null ? null : before.source()),
                pick(o, "environment", before == null ? null : before.environment()),
                pick(o, "fingerprint", before == null ? null : before.fingerprint()));
        return command(o, old, c);
    }

    /** "new_group", "regression", "service_down": the kind from the condition, or the old rule's when it is absent. */
    private static RuleCommand parseOtherKind(JsonObject o, AlertRule old, String condition) {
        Condition before = old == null ? null : old.condition();
        if (condition != null) {
            Matcher g = GROUP_CONDITION.matcher(condition);
            Matcher sd = SERVICE_CONDITION.matcher(condition);
            if (g.matches()) {
                String inCondition = g.group(2) == null || g.group(2).equals("time_window") ? null : g.group(2);
                return command(o, old, groupCondition(o, g.group(1), inCondition, before));
            } else if (sd.matches()) {
                return command(o, old, serviceCondition(o, sd.group(1), sd.group(2), before));
            }
            throw new InvalidFieldException("condition", KINDS);
        }
        if (before instanceof Condition.ServiceDown) {
            return command(o, old, serviceCondition(o, null, null, before));
        }
        return command(o, old, groupCondition(o, before instanceof Condition.NewGroup ? "new_group" : "regression",
                null, before));
    }

    private static Condition groupCondition(JsonObject o, String kind, String windowInCondition, Condition before) {
        for (String f : new String[] {"operator", "fingerprint", "service"}) {
            if (o.containsKey(f) && !o.isNull(f)) {
                throw new InvalidFieldException(f, "does not apply to a " + kind + " rule");
            }
        }
        String level = null, source = null, environment = null;
        Duration window = null;
        if (before instanceof Condition.NewGroup n) {
            level = n.level();
            source = n.source();
            environment = n.environment();
            window = n.window();
        } else if (before instanceof Condition.Regression r) {
            level = r.level();
            source = r.source();
            environment = r.environment();
            window = r.window();
        }
        String windowText = JsonFields.string(o, "time_window");
        window = windowText != null ? Windows.parse("time_window", windowText)
                : windowInCondition != null ? Windows.parse("condition", windowInCondition)
                : window != null ? window : Duration.ofMinutes(5);
        level = pick(o, "level", level);
        source = pick(o, "source", source);
        environment = pick(o, "environment", environment);
        return kind.equals("new_group") ? new Condition.NewGroup(window, level, source, environment)
                : new Condition.Regression(window, level, source, environment);
    }

    private static Condition serviceCondition(JsonObject o, String serviceInCondition, String checksInCondition,
                                              Condition before) {
        for (String f : new String[] {"operator", "fingerprint", "level", "source", "environment"}) {
            if (o.containsKey(f) && !o.isNull(f)) {
                throw new InvalidFieldException(f, "does not apply to a service_down rule (its threshold is a"
                        + " number of consecutive checks)");
            }
        }
        Condition.ServiceDown old = before instanceof Condition.ServiceDown d ? d : null;
        String service = JsonFields.string(o, "service");
        if (service == null) {
            service = serviceInCondition != null && !serviceInCondition.equals("service") ? serviceInCondition
                    : old != null ? old.service() : null;
        }
        Double checks = JsonFields.number(o, "threshold");
        if (checks == null && checksInCondition != null && !checksInCondition.equals("threshold")) {
            try {
                checks = Double.parseDouble(checksInCondition);
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("condition", "the number of checks must be a whole number");
            }
        }
        if (checks == null) {
            if (old == null) {
                throw new InvalidFieldException("threshold", "is required: the number of consecutive failed checks");
            }
            checks = (double) old.checks();
        }
        if (checks != Math.rint(checks) || checks < 1 || checks > Condition.ServiceDown.MAX_CHECKS) {
            throw new InvalidFieldException("threshold", "must be a whole number of checks between 1 and "
                    + Condition.ServiceDown.MAX_CHECKS);
        }
        return new Condition.ServiceDown(service, checks.intValue());
    }

    private static RuleCommand command(JsonObject o, AlertRule old, Condition c) {
        String name = JsonFields.string(o, "name");
        String severity = JsonFields.string(o, "severity");
        String repeat = JsonFields.string(o, "repeat_interval");
        List<String> notifications = JsonFields.strings(o, "notifications");
        Boolean enabled = JsonFields.bool(o, "enabled");
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
