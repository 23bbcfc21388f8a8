package io.quarterdeck.domain.alerting;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** What a rule watches. */
public sealed interface Condition {
    Operator operator();

    double threshold();

    /** A sentence such as {@code error_count > 5 in 1m}. */
    String describe();

    /**
     * Error events stored in the window that match every given filter (null = any), compared with the threshold:
     * {@code error_count > 5 in 1m, level error}.
     */
    record ErrorCount(Operator operator, double threshold, Duration window, String level, String source,
                      String environment, String fingerprint) implements Condition {
        private static final Set<String> LEVELS = Set.of("debug", "info", "warning", "error", "critical");

        public ErrorCount {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(window, "window");
            if (threshold < 0 || threshold > 1e12 || Double.isNaN(threshold)) {
                throw new InvalidFieldException("threshold", "must be a number between 0 and 10^12");
            }
            if (level != null && !LEVELS.contains(level)) {
                throw new InvalidFieldException("level", "must be debug, info, warning, error or critical");
            }
            source = blankToNull(source, "source");
            environment = blankToNull(environment, "environment");
            fingerprint = blankToNull(fingerprint, "fingerprint");
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder("error_count ").append(operator.symbol()).append(' ')
                    .append(Numbers.plain(threshold)).append(" in ").append(Windows.format(window));
            if (level != null) {
                b.append(", level ").append(level);
            }
            if (source != null) {
                b.append(", source ").append(source);
            }
            if (environment != null) {
                b.append(", environment ").append(environment);
            }
            if (fingerprint != null) {
                b.append(", fingerprint ").append(fingerprint);
            }
            return b.toString();
        }
    }

    /**
     * A host or container metric (seed 004's thresholds) of one server ({@code serverId}) or of every server (null),
     * compared with the threshold for at least {@code duration} (zero: one reading suffices).
     */
    record Metric(String metric, Operator operator, double threshold, Duration duration, String serverId)
            implements Condition {
        /** The metric names the host and container samplers report. */
        public static final Set<String> METRICS = Set.of("cpu_percent", "memory_percent", "disk_percent",
                "load_1m", "load_5m", "load_15m", "network_rx_bytes_per_second", "network_tx_bytes_per_second",
                "container_cpu_percent", "container_memory_percent", "container_restarts");

        public Metric {
            if (metric == null || !METRICS.contains(metric)) {
                throw new InvalidFieldException("metric", "must be one of " + String.join(", ",
                        new java.util.TreeSet<>(METRICS)));
            }
            Objects.requireNonNull(operator, "operator");
            if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
                throw new InvalidFieldException("value", "must be a finite number");
            }
            if (duration == null || duration.isNegative() || duration.compareTo(Windows.MAX) > 0) {
                throw new InvalidFieldException("duration", "must be between 0 and 30 days");
            }
            serverId = blankToNull(serverId, "server_id");
        }

        @Override
        public String describe() {
            return metric + " " + operator.symbol() + " " + Numbers.plain(threshold)
                    + (duration.isZero() ? "" : " for " + Windows.format(duration))
                    + (serverId == null ? " on any server" : " on " + serverId);
        }
    }

    /**
     * A new error group: fires (one alert per group) for each group first seen within the window whose level, source
     * and environment match the filters (null = any). The operator and threshold are fixed ({@code > 0}).
     */
    record NewGroup(Duration window, String level, String source, String environment) implements Condition {
        public NewGroup {
            window = checkWindow(window);
            level = checkLevel(level);
            source = blankToNull(source, "source");
            environment = blankToNull(environment, "environment");
        }

        @Override
        public Operator operator() {
            return Operator.GT;
        }

        @Override
        public double threshold() {
            return 0;
        }

        @Override
        public String describe() {
            return "new_group in " + Windows.format(window) + filters(level, source, environment);
        }
    }

    /**
     * A regression: fires (one alert per group) for each group that was resolved and then received a new occurrence
     * (it is regressed and not resolved again) and was seen within the window, matching the filters (null = any).
     */
    record Regression(Duration window, String level, String source, String environment) implements Condition {
        public Regression {
            window = checkWindow(window);
            level = checkLevel(level);
            source = blankToNull(source, "source");
            environment = blankToNull(environment, "environment");
        }

        @Override
        public Operator operator() {
            return Operator.GT;
        }

        @Override
        public double threshold() {
            return 0;
        }

        @Override
        public String describe() {
            return "regression in " + Windows.format(window) + filters(level, source, environment);
        }
    }

    /**
     * A service's health (the stored dependency checks): fires when its newest {@code checks} checks were all down
     * ("down for N consecutive checks"); the observed value is the number of consecutive failed checks.
     */
    record ServiceDown(String service, int checks) implements Condition {
        public static final int MAX_CHECKS = 1_000;

        public ServiceDown {
            if (service == null || service.isBlank()) {
                throw new InvalidFieldException("service", "is required: database, rabbitmq, docker, loki or"
                        + " prometheus");
            }
            if (service.length() > 64 || !service.matches("[A-Za-z0-9_.-]+")) {
                throw new InvalidFieldException("service", "must be a service name such as database or rabbitmq");
            }
            if (checks < 1 || checks > MAX_CHECKS) {
                throw new InvalidFieldException("threshold", "must be a number of checks between 1 and "
                        + MAX_CHECKS);
            }
        }

        @Override
        public Operator operator() {
            return Operator.GTE;
        }

        @Override
        public double threshold() {
            return checks;
        }

        @Override
        public String describe() {
            return "service_down " + service + " for " + checks + (checks == 1 ? " check" : " checks");
        }
    }

    /** Raised from outside (Prometheus Alertmanager): Quarterdeck does not evaluate it, the sender resolves it. */
    record External(String source) implements Condition {
        @Override
        public Operator operator() {
            return Operator.GT;
        }

        @Override
        public double threshold() {
            return 0;
        }

        @Override
        public String describe() {
            return "raised by " + source;
        }
    }

    private static Duration checkWindow(Duration window) {
        if (window == null || window.isZero() || window.isNegative() || window.compareTo(Windows.MAX) > 0) {
            throw new InvalidFieldException("time_window", "must be between 1s and 30d");
        }
        return window;
    }

    private static String checkLevel(String level) {
        if (level != null && !ErrorCount.LEVELS.contains(level)) {
            throw new InvalidFieldException("level", "must be debug, info, warning, error or critical");
        }
        return level;
    }

    private static String filters(String level, String source, String environment) {
        return (level == null ? "" : ", level " + level) + (source == null ? "" : ", source " + source)
                + (environment == null ? "" : ", environment " + environment);
    }

    private static String blankToNull(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > 200) {
            throw new InvalidFieldException(field, "must be at most 200 characters");
        }
        return s;
    }
}
