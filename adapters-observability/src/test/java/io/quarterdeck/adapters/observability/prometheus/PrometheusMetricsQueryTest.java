package io.quarterdeck.adapters.observability.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.metrics.MetricsQuery.BackendUnavailableException;
import io.quarterdeck.application.port.out.metrics.MetricsQuery.QueryRejectedException;
import io.quarterdeck.application.port.out.metrics.MetricsQuery.QueryResult;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Against the real Prometheus that {@code scripts/services.sh} starts on 127.0.0.1:9090 (a Prometheus that does not
 * answer fails these tests), and against a port where nothing listens.
 */
class PrometheusMetricsQueryTest {
    static final URI PROMETHEUS = URI.create(System.getProperty("quarterdeck.test.prometheus.url",
            "http://127.0.0.1:9090"));
    final PrometheusMetricsQuery prometheus = new PrometheusMetricsQuery(Optional.of(PROMETHEUS),
            Duration.ofSeconds(5));

    @Test
    void a_range_query_answers_a_matrix_with_a_point_per_step() {
        Instant end = Instant.now();
        QueryResult r = prometheus.range("vector(42) * 2", end.minusSeconds(60), end, Duration.ofSeconds(15));
        assertEquals("matrix", r.resultType());
        assertEquals(1, r.result().size());
        assertTrue(r.result().get(0).values().size() >= 4, r.toString());
        assertEquals("84", r.result().get(0).values().get(0).value());
    }

    @Test
    void an_instant_query_answers_a_vector_or_scalar() {
        QueryResult v = prometheus.instant("vector(1)", Instant.now());
        assertEquals("vector", v.resultType());
        assertEquals("1", v.result().get(0).values().get(0).value());
        QueryResult s = prometheus.instant("scalar(vector(3))", Instant.now());
        assertEquals("scalar", s.resultType());
        assertEquals("3", s.result().get(0).values().get(0).value());
    }

    @Test
    void bad_promql_is_refused_with_prometheus_own_message() {
        QueryRejectedException e = assertThrows(QueryRejectedException.class,
                () -> prometheus.instant("sum(rate(x[5m]", Instant.now()));
        assertTrue(e.getMessage().contains("parse error"), e.getMessage());
    }

    @Test
    void the_probe_reports_readiness_and_a_prometheus_that_is_down_is_unavailable() throws Exception {
        assertTrue(new PrometheusProbe(prometheus).ping() >= 0);
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        PrometheusMetricsQuery down = new PrometheusMetricsQuery(Optional.of(URI.create("http://127.0.0.1:" + free)),
                Duration.ofSeconds(2));
        assertThrows(BackendUnavailableException.class, () -> down.instant("up", Instant.now()));
        assertThrows(BackendUnavailableException.class, () -> new PrometheusProbe(down).ping());
        PrometheusMetricsQuery none = new PrometheusMetricsQuery(Optional.empty(), Duration.ofSeconds(2));
        assertFalse(new PrometheusProbe(none).configured());
        assertThrows(BackendUnavailableException.class, () -> none.instant("up", Instant.now()));
    }
}
