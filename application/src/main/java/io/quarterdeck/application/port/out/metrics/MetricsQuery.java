package io.quarterdeck.application.port.out.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A time-series database that answers PromQL (Prometheus). The adapter builds the call and maps the answer into
 * {@link QueryResult}; nothing else sees the wire format.
 */
public interface MetricsQuery {
    /** False when no Prometheus is configured. */
    boolean configured();

    /**
     * @throws QueryRejectedException     when the database refuses the query (bad PromQL), with its message
     * @throws BackendUnavailableException when it does not answer or is not configured
     */
    QueryResult range(String promql, Instant start, Instant end, Duration step);

    /** The query evaluated at one instant; the same exceptions. */
    QueryResult instant(String promql, Instant at);

    /** {@code matrix} (series with values), {@code vector} (series with one value), {@code scalar} or {@code string}. */
    record QueryResult(String resultType, List<Series> result) {
        public QueryResult {
            result = List.copyOf(result);
        }
    }

    /** One series: its labels and its points (one for a vector, scalar or string). */
    record Series(Map<String, String> metric, List<Point> values) {
        public Series {
            metric = Map.copyOf(metric);
            values = List.copyOf(values);
        }
    }

    /** A point: seconds since 1970 (with a fraction) and the value as the database writes it ({@code "NaN"} too). */
    record Point(double time, String value) {
    }

    /** The database refused the query; the message is its own. */
    class QueryRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public QueryRejectedException(String message) {
            super(message);
        }
    }

    /** The database did not answer (or none is configured). */
    class BackendUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BackendUnavailableException(String message) {
            super(message);
        }
    }
}
