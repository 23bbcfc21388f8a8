package io.quarterdeck.application.port.out.alerting;

import java.time.Instant;
import java.util.List;

/**
 * Readings of host and container metrics (the host sampler and the container statistics write them), for metric
 * thresholds. Names are those of {@link io.quarterdeck.domain.alerting.Condition.Metric#METRICS}.
 */
public interface MetricReadings {
    /** One reading of a metric on a server. */
    record Reading(String serverId, double value, Instant at) {
    }

    /** Readings of {@code metric} at or after {@code since}, of one server or of all (null), oldest first. */
    List<Reading> since(String metric, String serverId, Instant since);

    /** Records a reading (the samplers call this through their in-port). */
    void record(String metric, Reading reading);
}
