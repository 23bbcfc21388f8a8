package io.quarterdeck.application.port.in.apps;

import io.quarterdeck.domain.apps.App;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.CommandFlag;
import io.quarterdeck.domain.apps.FatalFlag;
import io.quarterdeck.domain.apps.FunctionLog;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.RunStatus;
import io.quarterdeck.domain.apps.RuntimeStatus;
import io.quarterdeck.domain.apps.TaskStatus;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report schema, version 1, shared by every intake (AMQP messages and REST bodies alike): JSON objects read into
 * maps of JSON-like values ({@code String}, {@code BigDecimal}, {@code Boolean}, {@code null}, {@code List},
 * {@code Map}) become the domain's reports here, once. Unknown fields and wrong types are an
 * {@link InvalidFieldException} naming the field. Message envelopes add {@code type} and {@code version}.
 */
public final class Reports {
    public static final Set<String> TYPES = Set.of("app.register", "app.status", "runtime", "pipeline.task",
            "function.log");
    private static final Set<String> ENVELOPE = Set.of("type", "version");
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Reports() {
    }

    /** A message: its {@code type} and {@code version} (1), then the report; returns what it decoded. */
    public static Object message(Map<String, Object> m) {
        Object version = m.get("version");
        if (!(version instanceof BigDecimal v) || v.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidFieldException("version", "must be 1");
        }
        String type = string(m, "type", true);
        return switch (type) {
            case "app.register" -> registration(m);
            case "app.status" -> new AppStatus(AppStatus.name(m), status(m));
            case "runtime" -> runtime(m);
            case "pipeline.task" -> task(m, null);
            case "function.log" -> function(m);
            default -> throw new InvalidFieldException("type", "must be one of " + String.join(", ", TYPES.stream()
                    .sorted().toList()));
        };
    }

    /** A status report together with the app it is about. */
    public record AppStatus(String app, App.StatusReport report) {
        static String name(Map<String, Object> m) {
            return string(m, "app", true);
        }
    }

    public static App.Registration registration(Map<String, Object> m) {
        only(m, "app", "group", "parent", "schedule", "settings", "next_run");
        return new App.Registration(string(m, "app", true), string(m, "group", false), string(m, "parent", false),
                string(m, "schedule", false), object(m, "settings"), instant(m, "next_run", false));
    }

    /** A status report; {@code app} may be in the map (messages) or in the path (REST). */
    public static App.StatusReport status(Map<String, Object> m) {
        only(m, "app", "run_status", "fatal_flag", "command_flag", "progress", "next_run");
        String rs = string(m, "run_status", false);
        String ff = string(m, "fatal_flag", false);
        String cf = string(m, "command_flag", false);
        App.Progress progress = null;
        Map<String, Object> p = object(m, "progress");
        if (p != null) {
            only(p, "current", "total");
            progress = new App.Progress(whole(p, "current", 0), whole(p, "total", 0));
        }
        if (rs == null && ff == null && cf == null && progress == null && m.get("next_run") == null) {
            throw new InvalidFieldException("run_status", "a status report must set at least one field");
        }
        return new App.StatusReport(rs == null ? null : RunStatus.parse("run_status", rs),
                ff == null ? null : FatalFlag.parse("fatal_flag", ff),
                cf == null ? null : CommandFlag.parse("command_flag", cf), progress, instant(m, "next_run", false));
    }

    public static AppRuntime runtime(Map<String, Object> m) {
        only(m, "runtime", "app", "started", "ended", "status", "records_total", "records_solved", "records_failed");
        return new AppRuntime(string(m, "runtime", true), string(m, "app", true), instant(m, "started", true),
                instant(m, "ended", false), RuntimeStatus.parse("status", string(m, "status", true)),
                whole(m, "records_total", 0), whole(m, "records_solved", 0), whole(m, "records_failed", 0));
    }

    /** {@code now} fills {@code created_at} and {@code updated_at} when absent (null: required). */
    public static PipelineTask task(Map<String, Object> m, Instant now) {
        only(m, "task_id", "document_type", "stage", "status", "errors", "retry_count", "created_at", "started_at",
                "finished_at", "updated_at");
        Instant created = instant(m, "created_at", now == null);
        Instant updated = instant(m, "updated_at", now == null);
        return new PipelineTask(string(m, "task_id", true), string(m, "document_type", true),
                string(m, "stage", true), TaskStatus.parse("status", string(m, "status", true)), strings(m, "errors"),
                (int) Math.min(Integer.MAX_VALUE, whole(m, "retry_count", 0)), created == null ? now : created,
                instant(m, "started_at", false), instant(m, "finished_at", false), updated == null ? now : updated);
    }

    public static FunctionLog function(Map<String, Object> m) {
        only(m, "id", "app", "function_name", "runtime", "task_size", "solved", "failed", "duration_seconds",
                "logged_at");
        Object d = m.get("duration_seconds");
        if (!(d instanceof BigDecimal duration)) {
            throw new InvalidFieldException("duration_seconds", "is required and must be a number");
        }
        return new FunctionLog(string(m, "id", true), string(m, "app", true), string(m, "function_name", true),
                string(m, "runtime", false), whole(m, "task_size", 0), whole(m, "solved", 0), whole(m, "failed", 0),
                duration.doubleValue(), instant(m, "logged_at", true));
    }

    private static void only(Map<String, Object> m, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String k : m.keySet()) {
            if (!ok.contains(k) && !ENVELOPE.contains(k)) {
                throw new InvalidFieldException(k.length() > 64 ? k.substring(0, 64) : k, "is not a field of this report");
            }
        }
    }

    static String string(Map<String, Object> m, String name, boolean required) {
        Object v = m.get(name);
        if (v == null) {
            if (required) {
                throw new InvalidFieldException(name, "is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidFieldException(name, "must be a string");
        }
        return s;
    }

    private static long whole(Map<String, Object> m, String name, long fallback) {
        Object v = m.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof BigDecimal n)) {
            throw new InvalidFieldException(name, "must be a whole number");
        }
        try {
            long l = n.longValueExact();
            if (l < 0) {
                throw new InvalidFieldException(name, "must not be negative");
            }
            return l;
        } catch (ArithmeticException e) {
            throw new InvalidFieldException(name, "must be a whole number");
        }
    }

    private static Instant instant(Map<String, Object> m, String name, boolean required) {
        String s = string(m, name, required);
        if (s == null) {
            return null;
        }
        Instant t;
        try {
            t = Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, "must be an ISO-8601 time such as 2026-11-23T10:00:00Z");
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidFieldException(name, "must be between the years 1970 and 9999");
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new InvalidFieldException(name, "must be an object");
        }
        return (Map<String, Object>) map;
    }

    private static List<String> strings(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new InvalidFieldException(name, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw new InvalidFieldException(name, "must be a list of strings");
            }
            out.add(s);
        }
        return out;
    }
}
