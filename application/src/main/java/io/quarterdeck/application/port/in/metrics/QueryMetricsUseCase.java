package io.quarterdeck.application.port.in.metrics;

import io.quarterdeck.application.port.out.metrics.MetricsQuery.QueryResult;
import java.time.Duration;
import java.time.Instant;

/**
 * PromQL through the configured Prometheus (seed 000's {@code /metrics/query}), cached by query and time range.
 * Throws the out-port's {@code QueryRejectedException} (a 400) and {@code BackendUnavailableException} (a 503).
 */
public interface QueryMetricsUseCase {
    /** A range query when {@code start} is given, else an instant query at {@code end} (or now). */
    QueryResult query(String promql, Instant start, Instant end, Duration step);

    int MAX_POINTS = 11_000;
}
