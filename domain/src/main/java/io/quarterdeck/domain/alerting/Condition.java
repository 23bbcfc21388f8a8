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
